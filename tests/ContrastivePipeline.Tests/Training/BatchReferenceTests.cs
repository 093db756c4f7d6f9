using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Tests.Export;
using ContrastivePipeline.Tests.Support;
using ContrastivePipeline.Tokenization;
using ContrastivePipeline.Training;

namespace ContrastivePipeline.Tests.Training;

/// <summary>
/// Our training batches against benchmarks/batch_reference.py, the authors' mixing floor and document shuffling
/// written from PAPER.md 3.3 and 5: the same rows, real and synthetic, token for token, over several passes of both
/// streams. The script gets our permutations (a seed's permutation is the random generator's, not the method's).
/// </summary>
public sealed class BatchReferenceTests : IDisposable
{
    const int BatchSize = 32, PerDevice = 16, BlockLength = 16, Seed = 42, Steps = 45;
    const double Ratio = 0.3;
    readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [PyTorchFact]
    public void Batches_AreTheReferenceBatches_RowForRow()
    {
        var (realDocuments, syntheticDocuments) = (Documents(200, 1), Documents(120, 2));
        using var real = Shard("real.bin", realDocuments);
        using var synthetic = Shard("synthetic.bin", syntheticDocuments);
        var share = new SyntheticShare(Ratio, PerDevice);
        var mixed = new MixedBatches(new DocumentStream(real, BatchSize - share.Rows(BatchSize), BlockLength, Seed),
            new DocumentStream(synthetic, share.Rows(BatchSize), BlockLength, Seed), share, BatchSize, BlockLength);

        var reference = Reference(realDocuments, syntheticDocuments);

        Assert.Equal(reference.GetProperty("synthetic_rows").EnumerateArray().Select(f => f.GetBoolean()),
            Enumerable.Range(0, BatchSize).Select(mixed.IsSynthetic));
        var tokens = new long[BatchSize * BlockLength];
        var step = 0;
        foreach (var batch in reference.GetProperty("batches").EnumerateArray())
        {
            mixed.Fill(step, tokens);
            var expected = batch.EnumerateArray().SelectMany(row => row.EnumerateArray().Select(t => t.GetInt64())).ToArray();
            Assert.True(expected.SequenceEqual(tokens), $"step {step} differs from the reference");
            step++;
        }
        Assert.Equal(Steps, step);
        foreach (var fraction in reference.GetProperty("fractions").EnumerateObject())
            Assert.Equal(fraction.Value.GetDouble(), new MixConfig().Share(double.Parse(fraction.Name, CultureInfo.InvariantCulture)).Fraction);
    }

    static List<int[]> Documents(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ =>
            (int[])[SpecialTokens.Bos, .. Enumerable.Range(0, random.Next(1, 40)).Select(_ => random.Next(4, 1000)), SpecialTokens.Eos])];
    }

    DocumentShard Shard(string name, List<int[]> documents)
    {
        var path = Path.Combine(temp.Path, name);
        using (var writer = new DocumentShardWriter(path, 1000, new string('0', 32)))
        {
            foreach (var document in documents)
                writer.Append(document);
            writer.Complete();
        }
        return DocumentShard.Open(path);
    }

    /// <summary>Our permutation of <paramref name="count"/> documents for every seed a run of <see cref="Steps"/> steps can reach.</summary>
    static Dictionary<string, int[]> Permutations(int count) => Enumerable.Range(Seed, Steps + 1).ToDictionary(
        s => s.ToString(CultureInfo.InvariantCulture),
        s =>
        {
            var order = Enumerable.Range(0, count).ToArray();
            new Random(s).Shuffle(order);
            return order;
        });

    JsonElement Reference(List<int[]> real, List<int[]> synthetic)
    {
        var input = temp.File("in.json", JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["batch_size"] = BatchSize,
            ["per_device_batch"] = PerDevice,
            ["ratio"] = Ratio,
            ["block_length"] = BlockLength,
            ["seed"] = Seed,
            ["steps"] = Steps,
            ["pad"] = SpecialTokens.Pad,
            ["real"] = real,
            ["synthetic"] = synthetic,
            ["permutations"] = new Dictionary<string, object> { ["real"] = Permutations(real.Count), ["synthetic"] = Permutations(synthetic.Count) },
        }));
        var output = Path.Combine(temp.Path, "out.json");
        var script = Path.Combine(Repo.Root, "benchmarks", "batch_reference.py");
        using var process = Process.Start(new ProcessStartInfo(PyTorchFactAttribute.Python!, [script, input, output]) { RedirectStandardError = true })!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors);
        return JsonDocument.Parse(File.ReadAllText(output)).RootElement.Clone();
    }
}
