using ContrastivePipeline.Model;

namespace ContrastivePipeline.Tests.Model;

internal static class TinyModels
{
    public static readonly ModelShape Shape = new(Layers: 2, Hidden: 16, Heads: 2, Intermediate: 32, Context: 12, Vocab: 37);
}
