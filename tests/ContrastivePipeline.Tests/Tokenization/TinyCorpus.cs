using ContrastivePipeline.Corpus;

namespace ContrastivePipeline.Tests.Tokenization;

/// <summary>The shared tiny corpus (documents separated by empty lines), read once per test run.</summary>
internal static class TinyCorpus
{
    public static readonly string Path = Support.Repo.Data("corpora/tiny/mixed.txt");

    static readonly Lazy<List<string>> Cached = new(() => Documents.Read(Path));

    public static IReadOnlyList<string> All => Cached.Value;
}
