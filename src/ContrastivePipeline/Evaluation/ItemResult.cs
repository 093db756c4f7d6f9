namespace ContrastivePipeline.Evaluation;

/// <summary>The outcome of one zero-shot item for one model: the line of the predictions JSONL.</summary>
/// <param name="LogProbs">The summed completion log-prob of each candidate, in the item's candidate order.</param>
/// <param name="Predicted">The single highest candidate, or null when several share the highest value.</param>
/// <param name="Tied">The candidates sharing the highest value when there is a tie; empty otherwise.</param>
/// <param name="Correct">1 or 0; on a tie, 1/k when the label is one of the k tied candidates, else 0.</param>
/// <remarks>
/// Ties (exactly equal sums, e.g. two candidates that tokenize identically) are never resolved to the first candidate,
/// which for these data is always the right one (torch.max in the BabyLM pipeline does exactly that). Scoring a tie
/// as 1/k is the expected accuracy of breaking it at random, so a model that ties everything sits at chance, not at
/// 100% or 0%; tie counts are reported per task and group beside the accuracy.
/// </remarks>
internal sealed record ItemResult(
    string Task, string Group, string Item, int Label, double[] LogProbs, int? Predicted, int[] Tied, double Correct)
{
    public bool IsTie => Tied.Length > 1;

    public static ItemResult From(ZeroShotItem item, double[] logProbs)
    {
        if (logProbs.Length != item.Completions.Count)
            throw new ArgumentException($"{item.Item}: {logProbs.Length} scores for {item.Completions.Count} candidates");
        var best = logProbs.Max();
        var top = Enumerable.Range(0, logProbs.Length).Where(i => logProbs[i] == best).ToArray();
        var correct = top.Contains(item.Label) ? 1.0 / top.Length : 0.0;
        return new(item.Task, item.Group, item.Item, item.Label, logProbs,
            top.Length == 1 ? top[0] : null, top.Length == 1 ? [] : top, correct);
    }
}
