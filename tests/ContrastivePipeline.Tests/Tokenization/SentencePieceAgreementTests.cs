using System.Diagnostics;
using System.Text.Json.Nodes;
using ContrastivePipeline.Tests.Support;
using ContrastivePipeline.Tokenization;
using Xunit.Abstractions;

namespace ContrastivePipeline.Tests.Tokenization;

/// <summary>
/// Our SentencePiece kind against SentencePiece's own BPE trainer and encoder (benchmarks/sentencepiece_segmentation.py),
/// trained on the same lines with the same vocabulary size: held-out words should mostly be cut the same way. Not all
/// of them: SentencePiece caps a piece at 16 characters, breaks ties between equally frequent pairs its own way and
/// encodes by piece score rather than merge rank, so the rarer merges at the end of training can differ.
/// </summary>
public sealed class SentencePieceAgreementTests(ITestOutputHelper output) : IDisposable
{
    const int VocabSize = 1000;
    readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [SentencePieceFact]
    public void HeldOutWords_AreSegmentedAsSentencePieceSegmentsThem()
    {
        var lines = TinyCorpus.All.SelectMany(d => d.Split('\n')).Where(l => l.Trim().Length > 0).ToList();
        var cut = lines.Count * 9 / 10;
        var (train, heldOut) = (lines[..cut], lines[cut..]);
        var words = heldOut.SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();

        var reference = Reference(train, words.Distinct().ToList());
        var vocabulary = BpeTrainer.Train(train, VocabSize, threads: 2, BpeKind.SentencePiece);
        BpeFiles.Write(temp.Path, vocabulary, BpeKind.SentencePiece);
        var encoder = BpeEncoder.Load(temp.Path);
        string[] Ours(string word) => [.. encoder.Encode(word).Select(id => vocabulary.Tokens[id])];

        var distinct = reference.Count(p => p.Value.SequenceEqual(Ours(p.Key)));
        var occurrences = words.Count(w => reference[w].SequenceEqual(Ours(w)));
        var disagreements = reference.Where(p => !p.Value.SequenceEqual(Ours(p.Key))).Take(10)
            .Select(p => $"{p.Key}: sentencepiece [{string.Join(" ", p.Value)}] ours [{string.Join(" ", Ours(p.Key))}]");
        output.WriteLine($"held-out words segmented alike: {occurrences} of {words.Count} occurrences ({100.0 * occurrences / words.Count:F1}%), " +
            $"{distinct} of {reference.Count} distinct words ({100.0 * distinct / reference.Count:F1}%)");
        output.WriteLine(string.Join("\n", disagreements));
        Assert.True(occurrences >= 0.95 * words.Count, $"only {occurrences} of {words.Count} held-out words agree");
    }

    Dictionary<string, string[]> Reference(List<string> train, List<string> words)
    {
        var trainFile = temp.File("train.txt", string.Join("\n", train) + "\n");
        var wordsFile = temp.File("words.txt", string.Join("\n", words) + "\n");
        var outFile = Path.Combine(temp.Path, "sentencepiece.json");
        var script = Path.Combine(Repo.Root, "benchmarks", "sentencepiece_segmentation.py");
        using var process = Process.Start(new ProcessStartInfo(SentencePieceFactAttribute.Python!,
            [script, trainFile, wordsFile, VocabSize.ToString(System.Globalization.CultureInfo.InvariantCulture), outFile])
        {
            RedirectStandardError = true,
        })!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors);
        var json = JsonNode.Parse(File.ReadAllText(outFile))!;
        Assert.Equal(VocabSize, (int)json["vocab_size"]!);
        return json["pieces"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.AsArray().Select(x => (string)x!).ToArray());
    }
}
