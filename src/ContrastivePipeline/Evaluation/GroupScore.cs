namespace ContrastivePipeline.Evaluation;

/// <summary>Accuracy (percent) of one macro-average unit, with its item and tie counts.</summary>
internal sealed record GroupScore(string Group, int Items, int Ties, double Accuracy);
