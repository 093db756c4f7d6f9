namespace ContrastivePipeline.Tokenization;

/// <summary>One learned merge: tokens <see cref="Left"/> and <see cref="Right"/> become <see cref="Result"/>.</summary>
internal readonly record struct BpeMerge(int Left, int Right, int Result);
