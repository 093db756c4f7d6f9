using ContrastivePipeline.Configuration;

namespace ContrastivePipeline.Steps;

/// <summary>What the Tokenize step reads: the tokenizer config and the model's context length (the block length).</summary>
public sealed record TokenizeSettings(TokenizerConfig Tokenizer, int Context);
