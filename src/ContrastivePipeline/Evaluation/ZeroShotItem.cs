namespace ContrastivePipeline.Evaluation;

/// <summary>One zero-shot question: candidates share <paramref name="Prefix"/>; <paramref name="Label"/> is the right one.</summary>
/// <param name="Item">Where the item comes from, "folder/file.jsonl:line", so a score can be traced to the data.</param>
/// <param name="Group">The unit of the macro-average (BLiMP UID, supplement file, EWoK domain, ...).</param>
internal sealed record ZeroShotItem(string Task, string Group, string Item, string Prefix, IReadOnlyList<string> Completions, int Label);
