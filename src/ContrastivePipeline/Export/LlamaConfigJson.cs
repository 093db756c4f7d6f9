using ContrastivePipeline.Model;
using ContrastivePipeline.Tokenization;

namespace ContrastivePipeline.Export;

/// <summary>
/// <c>config.json</c> of a transformers <c>LlamaForCausalLM</c>; the project's snake_case JSON style gives exactly
/// the LlamaConfig keys. Everything the model fixes comes from its <see cref="ModelShape"/> and constants.
/// </summary>
internal sealed record LlamaConfigJson(
    string[] Architectures,
    string ModelType,
    int VocabSize,
    int HiddenSize,
    int IntermediateSize,
    int NumHiddenLayers,
    int NumAttentionHeads,
    int NumKeyValueHeads,
    int HeadDim,
    int MaxPositionEmbeddings,
    string HiddenAct,
    double RmsNormEps,
    double RopeTheta,
    bool AttentionBias,
    double AttentionDropout,
    bool MlpBias,
    bool TieWordEmbeddings,
    double InitializerRange,
    int PretrainingTp,
    bool UseCache,
    int BosTokenId,
    int EosTokenId,
    int PadTokenId,
    string TorchDtype)
{
    /// <summary>
    /// The paper's <c>max_position_embeddings</c> (PAPER.md 3.1). It is larger than the training context there too;
    /// RoPE has no table to outgrow, so positions past the context only go untrained, as in the paper's models.
    /// </summary>
    public const int PaperMaxPositions = 2048;

    public static int MaxPositions(ModelShape shape) => Math.Max(shape.Context, PaperMaxPositions);

    public static LlamaConfigJson From(ModelShape shape) => new(
        Architectures: ["LlamaForCausalLM"],
        ModelType: "llama",
        VocabSize: shape.Vocab,
        HiddenSize: shape.Hidden,
        IntermediateSize: shape.Intermediate,
        NumHiddenLayers: shape.Layers,
        NumAttentionHeads: shape.Heads,
        NumKeyValueHeads: shape.Heads,
        HeadDim: shape.HeadSize,
        MaxPositionEmbeddings: MaxPositions(shape),
        HiddenAct: "silu",
        RmsNormEps: RmsNorm.Eps,
        RopeTheta: Rope.Theta,
        AttentionBias: false,
        AttentionDropout: 0.0,
        MlpBias: false,
        TieWordEmbeddings: false,
        InitializerRange: 0.02,
        PretrainingTp: 1,
        UseCache: true,
        BosTokenId: SpecialTokens.Bos,
        EosTokenId: SpecialTokens.Eos,
        PadTokenId: SpecialTokens.Pad,
        TorchDtype: "float32");
}
