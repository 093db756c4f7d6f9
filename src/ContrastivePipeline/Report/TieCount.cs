namespace ContrastivePipeline.Report;

/// <summary>How many of a task's items one checkpoint scored as a tie (credited 1/k, see ItemResult).</summary>
internal sealed record TieCount(string Arm, int Seed, int Step, string Task, int Items, int Ties);
