using System.Diagnostics;
using System.Text.Json;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Generation;
using ContrastivePipeline.Model;
using ContrastivePipeline.Tests.Export;
using ContrastivePipeline.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace ContrastivePipeline.Tests.Generation;

/// <summary>
/// Our decoding against benchmarks/decoding_reference.py, the authors' processors written in PyTorch from PAPER.md 4:
/// on fixed GOOD and BAD logits, every strategy and truncation must give the same next-token distribution to 1e-6.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class DecodingReferenceTests : IDisposable
{
    const int Rows = 6, Vocab = 96;
    static readonly GenerateConfig Config = new() { Temperature = 1.0, Alpha = 0.1, Lambda = 1.0, Penalty = -20 };
    readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    public static TheoryData<string, string, int?, double?> Cases => new()
    {
        { "ancestral", "ancestral", null, null },
        { "ancestral-top-k-50", "ancestral", 50, null },
        { "ancestral-top-p-0.9", "ancestral", null, 0.9 },
        { "contrastive", "contrastive", null, null },
        { "contrastive-top-k-5", "contrastive", 5, null },
        { "contrastive-top-k-200", "contrastive", 200, null },
        { "contrastive-top-p-0.9", "contrastive", null, 0.9 },
        { "head-only", "head-only", null, null },
    };

    [PyTorchFact]
    public void EveryStrategyAndTruncation_GivesTheReferenceDistribution()
    {
        using var scope = NewDisposeScope();
        var (good, bad) = Logits();
        var reference = Reference(good, bad);
        foreach (var row in Cases)
        {
            var (name, strategy, topK, topP) = ((string)row[0], DecodingStrategy.Named((string)row[1]), (int?)row[2], (double?)row[3]);
            var (scores, _) = Decoding.For(strategy, Config).Scores(good, bad);
            var ours = new Truncation(topK, topP, Config.Penalty).Apply(scores).to(ScalarType.Float64).softmax(-1);
            var theirs = tensor(reference[name].SelectMany(r => r).ToArray(), [Rows, Vocab]);
            var largest = (ours - theirs).abs().max().item<double>();
            Assert.True(largest < 1e-6, $"{name}: largest probability difference {largest}");
        }
    }

    /// <summary>Logits of GOOD and BAD on rows from flat to peaked, so heads of 1 to many tokens occur.</summary>
    static (Tensor Good, Tensor Bad) Logits()
    {
        manual_seed(13);
        using var scales = tensor(new float[] { 0.5f, 1f, 2f, 3f, 5f, 8f }).unsqueeze(1);      // [B, 1]
        // Raw logits are not log-probabilities: on logits this low, a cut to -20 on one scale and on the other differ by 1e-5.
        using var offset = (-12.0).ToScalar();
        var good = randn(Rows, Vocab).mul(scales).add(offset, Scalars.One);                   // [B, V]
        var bad = good.mul(Half).add(randn(Rows, Vocab), Scalars.One); // [B, V]
        return (good, bad);
    }

    static readonly Scalar Half = 0.5.ToScalar();

    Dictionary<string, double[][]> Reference(Tensor good, Tensor bad)
    {
        float[][] Rows(Tensor t) => [.. Enumerable.Range(0, (int)t.shape[0]).Select(r => t[r].data<float>().ToArray())];
        var input = temp.File("in.json", JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["good"] = Rows(good),
            ["bad"] = Rows(bad),
            ["temperature"] = Config.Temperature,
            ["alpha"] = Config.Alpha,
            ["lambda"] = Config.Lambda,
            ["penalty"] = Config.Penalty,
            ["cases"] = Cases.Select(c => new Dictionary<string, object?>
            {
                ["name"] = c[0],
                ["strategy"] = c[1],
                ["top_k"] = c[2],
                ["top_p"] = c[3],
            }).ToList(),
        }));
        var output = Path.Combine(temp.Path, "out.json");
        var script = Path.Combine(Repo.Root, "benchmarks", "decoding_reference.py");
        using var process = Process.Start(new ProcessStartInfo(PyTorchFactAttribute.Python!, [script, input, output]) { RedirectStandardError = true })!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors);
        return JsonSerializer.Deserialize<Dictionary<string, double[][]>>(File.ReadAllText(output))!;
    }
}
