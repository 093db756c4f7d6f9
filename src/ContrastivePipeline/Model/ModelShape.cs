using ContrastivePipeline.Configuration;

namespace ContrastivePipeline.Model;

/// <summary>Everything that fixes the model's tensors: the experiment's <see cref="ModelConfig"/> plus the tokenizer's vocabulary.</summary>
public sealed record ModelShape(int Layers, int Hidden, int Heads, int Intermediate, int Context, int Vocab)
{
    public int HeadSize => Hidden / Heads;

    /// <summary>Weights that take part in a matrix product per token (all but the embedding table and the norms).</summary>
    public long MatmulParameters => (long)Layers * (4L * Hidden * Hidden + 3L * Hidden * Intermediate) + (long)Vocab * Hidden;

    /// <summary>Training FLOPs per token: 6 per matmul weight (forward + backward) plus attention's 12 x layers x context x hidden.</summary>
    public double TrainFlopsPerToken => 6.0 * MatmulParameters + 12.0 * Layers * Context * Hidden;

    public static ModelShape From(ModelConfig config, int vocab) =>
        new(config.Layers, config.Hidden, config.Heads, config.Intermediate, config.Context, vocab);
}
