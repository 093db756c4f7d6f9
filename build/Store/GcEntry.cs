namespace ContrastivePipeline.Build.Store;

/// <summary>One thing Gc deletes: a store folder, a trash entry, or the files a finished run does not keep.</summary>
/// <param name="What">Why it goes, as the listing says it.</param>
/// <param name="Folder">The folder deleted, or the artifact whose files are dropped.</param>
/// <param name="Lock">The key's lock file, taken (without waiting) before anything of the key is deleted; null for trash.</param>
/// <param name="Files">Files of the artifact to drop (retention); null deletes the whole folder.</param>
internal sealed record GcEntry(string What, string Folder, long Bytes, string? Lock, IReadOnlyList<string>? Files = null);
