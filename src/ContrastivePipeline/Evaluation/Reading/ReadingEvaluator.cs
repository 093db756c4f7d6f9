namespace ContrastivePipeline.Evaluation.Reading;

/// <summary>Word surprisal from the scorer: -Σ log p of the word's tokens given the words before it in its sentence.</summary>
/// <remarks>
/// The word is scored as the completion " " + word after its context ("item"), with the same boundary rule, BOS and
/// summing as the zero-shot tasks (<see cref="CandidateScorer"/>); a word with an empty context is scored as the
/// whole text. This differs on purpose from the BabyLM pipeline's get_p2, which scores the word's tokens as the
/// tokenizer splits the word *without* its leading space (a word-initial token the model never sees mid-sentence).
/// The previous word's surprisal (the spill-over predictor of self-paced reading) uses prev_item and prev_word; as in
/// the BabyLM code it is missing (NaN, the row leaves the self-paced fits) when prev_item is empty.
/// </remarks>
internal static class ReadingEvaluator
{
    public static IReadOnlyList<ReadingPrediction> Evaluate(IReadOnlyList<ReadingRow> rows, ICandidateScorer scorer)
    {
        var withPrev = rows.Select(r => r.PrevItem.Length > 0 && r.PrevWord.Length > 0).ToArray();
        var candidates = rows.Select(r => WordIn(r.Item, r.Word))
            .Concat(rows.Where((_, i) => withPrev[i]).Select(r => WordIn(r.PrevItem, r.PrevWord))).ToList();
        var sums = scorer.Score(candidates);
        var next = rows.Count;
        return rows.Select((r, i) => new ReadingPrediction(r.Index, r.Word, -sums[i], withPrev[i] ? -sums[next++] : double.NaN))
            .ToList();
    }

    static Candidate WordIn(string context, string word) =>
        context.Length == 0 ? Candidate.Whole(word) : new Candidate(context, " " + word);
}
