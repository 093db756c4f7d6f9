namespace ContrastivePipeline.Corpus;

// Placeholder until the built-in corpus generator lands (issue 3); the Corpus step refuses the built-in source here.
internal static class TinyWorld
{
    public static List<Source> Generate(int seed, int words, string probesFolder) =>
        throw new Steps.StepException("builtin:tinyworld is not available yet; point corpus.source at a folder");
}
