namespace ContrastivePipeline.Generation;

/// <summary>The new tokens of each row of a <see cref="PromptBatch"/>, and how many were sampled outside the head.</summary>
internal sealed record GeneratedBatch(PromptBatch Prompts, long[][] Tokens, long OutsideHead);
