using System.Text;
using ContrastivePipeline.Artifacts;
using ContrastivePipeline.Contracts;
using ContrastivePipeline.Model;
using static TorchSharp.torch;

namespace ContrastivePipeline.Training;

/// <summary>
/// A run folder's checkpoints: <c>checkpoints/step_000500/</c> with <c>model.bin</c> (TorchSharp module format, HF
/// parameter names), <c>optimizer.bin</c> and <c>state.json</c>. A checkpoint is written into
/// <c>step_000500.partial/</c>, flushed to disk, then renamed, so a folder named <c>step_N</c> is always complete.
/// </summary>
internal static class Checkpoints
{
    public static string Folder(string runFolder, long step) => RunLayout.CheckpointFolder(runFolder, step);

    /// <summary>Whether a step that loads the model of checkpoint <paramref name="step"/> reads <paramref name="file"/> of the run.</summary>
    public static bool Reads(string file, long step) =>
        RunLayout.CheckpointOf(file) is not { } checkpoint || (checkpoint == step && Path.GetFileName(file) != RunLayout.OptimizerFile);

    /// <summary>Complete checkpoints, oldest first.</summary>
    public static IReadOnlyList<(long Step, string Folder)> List(string runFolder) =>
        [.. RunLayout.CheckpointFolders(runFolder).Where(c => File.Exists(Path.Combine(c.Folder, RunLayout.StateFile)))];

    /// <summary>Deletes the checkpoints before <paramref name="before"/> that the schedule (every N steps, and the last) does not name.</summary>
    public static void DeleteOffSchedule(string runFolder, Configuration.TrainConfig config, long before)
    {
        foreach (var (_, folder) in List(runFolder).Where(c => c.Step < before && c.Step % config.CheckpointEvery != 0 && c.Step != config.Steps))
            Directory.Delete(folder, recursive: true);
    }

    public static void Write(string runFolder, Llama model, AdamW optimizer, CheckpointState state)
    {
        var final = Folder(runFolder, state.Step);
        var partial = final + ".partial";
        if (Directory.Exists(partial))
            Directory.Delete(partial, recursive: true);
        Directory.CreateDirectory(partial);
        WriteDurably(Path.Combine(partial, RunLayout.ModelFile), writer => model.save(writer));
        WriteDurably(Path.Combine(partial, RunLayout.OptimizerFile), optimizer.Save);
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [RunLayout.ModelFile] = Hash.OfFile(Path.Combine(partial, RunLayout.ModelFile)),
            [RunLayout.OptimizerFile] = Hash.OfFile(Path.Combine(partial, RunLayout.OptimizerFile)),
        };
        var metrics = MetricsLog.Hash(Path.Combine(runFolder, TrainContract.MetricsFile), state.Step);
        WriteDurably(Path.Combine(partial, RunLayout.StateFile),
            writer => writer.Write(SealedJson.Bytes(state with { Hashes = hashes, Metrics = metrics })));
        Directory.Move(partial, final);
    }

    /// <summary>
    /// Why a checkpoint of <paramref name="runFolder"/> in a partial folder cannot be resumed from, or null when it can:
    /// its <c>state.json</c> does not match its seal, a file of it is missing or does not match the hash it recorded
    /// (a flipped byte, a cut-short file), or the lines of <c>metrics.jsonl</c> up to its step changed.
    /// </summary>
    public static string? Damage(string runFolder, string folder)
    {
        if (SealedJson.Damage(Path.Combine(folder, RunLayout.StateFile)) is { } sealDamage)
            return $"its {sealDamage}";
        var state = Json.Read<CheckpointState>(Path.Combine(folder, RunLayout.StateFile));
        if (state.Hashes is null || state.Metrics is null)
            return $"its {RunLayout.StateFile} records no hashes";
        if (MetricsLog.Hash(Path.Combine(runFolder, TrainContract.MetricsFile), state.Step) != state.Metrics)
            return $"the lines of {TrainContract.MetricsFile} up to its step do not match the hash its {RunLayout.StateFile} recorded";
        foreach (var (file, hash) in state.Hashes)
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
                return $"{file} is missing";
            if (Hash.OfFile(path) != hash)
                return $"{file} does not match the hash its {RunLayout.StateFile} recorded";
        }
        return null;
    }

    /// <summary>Loads weights, optimiser state and the RNG of a complete checkpoint into a freshly built run.</summary>
    public static CheckpointState Restore(string folder, Llama model, AdamW optimizer) => Reading(folder, () =>
    {
        var state = Json.Read<CheckpointState>(Path.Combine(folder, RunLayout.StateFile));
        LoadInPlace(model, Path.Combine(folder, RunLayout.ModelFile));
        using (var reader = new BinaryReader(File.OpenRead(Path.Combine(folder, RunLayout.OptimizerFile))))
            optimizer.Load(reader);
        using var rng = tensor(Convert.FromBase64String(state.RngState), device: CPU); // the CPU generator's state
        set_rng_state(rng);
        return state;
    });

    /// <summary>
    /// Copies saved weights into the model's own parameters. TorchSharp's Module.load takes a model that is not on the CPU
    /// through the CPU and back, which leaves it with new parameter tensors: on a GPU the optimizer would go on updating
    /// its flat buffer (AdamW) while the model trained something else.
    /// </summary>
    static void LoadInPlace(Llama model, string file)
    {
        using var saved = OnCpu.Build(() => new Llama(model.Shape));
        saved.load(file);
        using var _ = no_grad();
        var parameters = model.state_dict();
        foreach (var (name, weights) in saved.state_dict())
            parameters[name].copy_(weights);
    }

    /// <summary>A checkpoint's model for inference (GOOD or BAD), on the CPU; the shape comes from its <c>state.json</c>.</summary>
    public static Llama LoadModel(string folder, double attentionDropout = 0.0) => Reading(folder, () =>
    {
        var state = Json.Read<CheckpointState>(Path.Combine(folder, RunLayout.StateFile));
        var model = OnCpu.Build(() => new Llama(state.Shape, attentionDropout));
        model.load(Path.Combine(folder, RunLayout.ModelFile));
        model.eval();
        return model;
    });

    /// <summary>A checkpoint that cannot be read (truncated, overwritten) is named, with what to do, instead of a trace.</summary>
    static T Reading<T>(string folder, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not Steps.StepException)
        {
            throw new Steps.StepException($"checkpoint {folder} cannot be read ({e.Message}); it is damaged. " +
                "If it is in a .partial folder, delete that checkpoint folder and rerun to resume from the one before; " +
                "if it is in the store, rerun with --verify to recompute its run.");
        }
    }

    public static string CaptureRng()
    {
        using var rng = get_rng_state();
        return Convert.ToBase64String(rng.data<byte>().ToArray());
    }

    static void WriteDurably(string path, Action<BinaryWriter> write)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
            write(writer);
        stream.Flush(flushToDisk: true);
    }
}
