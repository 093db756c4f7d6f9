namespace ContrastivePipeline.Build.Store;

/// <summary>One line of Status.</summary>
internal sealed record StatusRow(string Task, string Instance, string Key, string State, long Bytes, string Age);
