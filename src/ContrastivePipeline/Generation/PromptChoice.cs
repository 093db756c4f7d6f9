namespace ContrastivePipeline.Generation;

/// <summary>
/// Which seed prompts generation samples from when <c>generate.max_prompts</c> is fewer than there are: a seeded uniform
/// choice, in prompt order. The prompts lie in source-file order, so the first N would come from the first files only
/// (one genre); all of them (the paper: <c>max_prompts: null</c>) is every prompt in order.
/// </summary>
internal static class PromptChoice
{
    public static int[] Of(int prompts, int? maxPrompts, int seed)
    {
        var all = Enumerable.Range(0, prompts).ToArray();
        if (maxPrompts is not { } max || max >= prompts)
            return all;
        new Random(seed).Shuffle(all);
        return [.. all.Take(max).Order()];
    }
}
