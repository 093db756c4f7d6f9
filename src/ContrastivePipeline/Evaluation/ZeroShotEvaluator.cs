namespace ContrastivePipeline.Evaluation;

/// <summary>Scores every candidate of every item with one model and turns the sums into per-item results.</summary>
internal static class ZeroShotEvaluator
{
    public static IReadOnlyList<ItemResult> Evaluate(IReadOnlyList<ZeroShotItem> items, ICandidateScorer scorer)
    {
        // All candidates of all items go to the scorer at once, so its batches are full and length-sorted.
        var candidates = items.SelectMany(i => i.Completions.Select(c => new Candidate(i.Prefix, c))).ToList();
        var sums = scorer.Score(candidates);
        var results = new List<ItemResult>(items.Count);
        var offset = 0;
        foreach (var item in items)
        {
            results.Add(ItemResult.From(item, sums[offset..(offset + item.Completions.Count)]));
            offset += item.Completions.Count;
        }
        return results;
    }
}
