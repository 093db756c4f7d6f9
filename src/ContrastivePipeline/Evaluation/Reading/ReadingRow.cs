namespace ContrastivePipeline.Evaluation.Reading;

/// <summary>One target word of reading/reading_data.csv. Missing numbers are NaN.</summary>
/// <param name="Index">The CSV's unnamed first column: the row id the authors' bootstrap keys on.</param>
/// <param name="Item">The words before <paramref name="Word"/> in its sentence: the context its surprisal is taken in.</param>
/// <param name="PrevItem">The context of the previous word (empty when the CSV has none; its surprisal is then NaN).</param>
/// <param name="Frequency">Subtlex_log10.</param>
/// <param name="SelfPaced">self_paced_reading_time.</param>
internal sealed record ReadingRow(
    int Index, string Item, string Word, string PrevItem, string PrevWord,
    double Frequency, double Length, double ContextLength, double PrevLength,
    double RtFirstFix, double RtFirstPass, double RtGoPast, double RtRightBound, double SelfPaced);
