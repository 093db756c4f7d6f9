using System.Diagnostics;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Contracts;
using ContrastivePipeline.Model;
using ContrastivePipeline.Steps;
using TorchSharp;
using static TorchSharp.torch;

namespace ContrastivePipeline.Training;

/// <summary>
/// Trains a <see cref="Llama"/> from scratch into a run folder (PAPER.md 3.3): <c>metrics.jsonl</c> and
/// <c>checkpoints/step_N/</c>. Rerun on the same folder after a kill, it continues from the last checkpoint and, on
/// the CPU with the same threads, ends with bit-identical weights.
/// </summary>
internal sealed class Trainer : IDisposable
{
    readonly TrainConfig config;
    readonly IBatchSource data;
    readonly string runFolder;
    readonly TrainerOptions options;
    readonly Device device;
    readonly AdamW optimizer;
    readonly GradientStep gradientStep;

    public Trainer(ModelShape shape, TrainConfig config, IBatchSource data, string runFolder, TrainerOptions options)
    {
        (this.config, this.data, this.runFolder, this.options) = (config, data, runFolder, options);
        if (options.Threads > 0)
            set_num_threads(options.Threads);
        device = TrainDevice.Resolve(options.Device);
        manual_seed(options.Seed);
        Model = OnCpu.Build(() => new Llama(shape));
        Model.to(device);
        optimizer = new AdamW(Model.parameters(), config.WeightDecay);
        gradientStep = new GradientStep(Model, optimizer, config.GradClip, config.MicroBatch);
    }

    public Llama Model { get; }

    /// <summary>Raised after every step with what went into <c>metrics.jsonl</c>.</summary>
    public event Action<StepMetrics>? StepCompleted;

    /// <summary>Trains to <see cref="TrainConfig.Steps"/>; returns the folder of the final checkpoint.</summary>
    public string Run()
    {
        var start = Resume();
        var shape = Model.Shape;
        var batch = new long[config.BatchSize * shape.Context];
        using var positions = Llama.Positions(shape.Context - 1, device);
        using var metrics = new MetricsLog(Path.Combine(runFolder, TrainContract.MetricsFile), start);
        var progress = new Progress(config.Steps, start, options.Log ?? Console.WriteLine);
        Model.train();
        for (var step = start; step < config.Steps; step++)
        {
            using var scope = NewDisposeScope();
            var clock = Stopwatch.StartNew();
            data.Fill(step, batch);
            var tokens = tensor(batch, [config.BatchSize, shape.Context], device: device); // [B, T]
            var learningRate = LearningRateSchedule.At(step, config);
            var (loss, gradNorm) = gradientStep.Take(tokens, positions, learningRate, step);
            var done = step + 1;
            var line = new StepMetrics(done, loss, learningRate, gradNorm, batch.Length / clock.Elapsed.TotalSeconds);
            metrics.Append(line);
            StepCompleted?.Invoke(line);
            var checkpoint = done % config.CheckpointEvery == 0 || done == config.Steps;
            var stop = done < config.Steps ? options.StopAsked?.Invoke() : null;
            if (checkpoint || stop is not null)
                Checkpoints.Write(runFolder, Model, optimizer, new(done, done, loss, options.Seed, shape, config, Checkpoints.CaptureRng()));
            // A checkpoint taken on a signal is off the schedule: once a scheduled one follows, the artifact must not keep
            // it, or an interrupted run would differ from an undisturbed one.
            if (checkpoint)
                Checkpoints.DeleteOffSchedule(runFolder, config, before: done);
            progress.Report(line, clock.Elapsed, checkpoint || stop is not null);
            if (stop is not null)
                throw new StepStoppedException($"{stop}: stopped after step {done} of {config.Steps} with a checkpoint there; run again, it resumes from step {done}");
        }
        return Checkpoints.Folder(runFolder, config.Steps);
    }

    public void Dispose()
    {
        optimizer.Dispose();
        Model.Dispose();
    }

    long Resume()
    {
        Directory.CreateDirectory(runFolder);
        var checkpoints = Discard(Checkpoints.List(runFolder));
        if (checkpoints.Count == 0)
            return 0;
        var (step, folder) = checkpoints[^1];
        var state = Checkpoints.Restore(folder, Model, optimizer);
        if (state.Shape != Model.Shape || state.Train != config || state.Seed != options.Seed)
            throw new StepException($"{folder} was written by a different model, train section or seed; use a new output folder");
        (options.Log ?? Console.WriteLine)($"resumed from {folder} (step {step} of {config.Steps})");
        return state.DataPosition;
    }

    /// <summary>
    /// Drops the first damaged checkpoint and every later one: they are outputs of the run, so a run resumed past a
    /// damaged one would commit its bytes. Returns the good ones, oldest first.
    /// </summary>
    IReadOnlyList<(long Step, string Folder)> Discard(IReadOnlyList<(long Step, string Folder)> checkpoints)
    {
        for (var i = 0; i < checkpoints.Count; i++)
        {
            if (Checkpoints.Damage(runFolder, checkpoints[i].Folder) is not { } damage)
                continue;
            foreach (var (_, folder) in checkpoints.Skip(i))
                Directory.Delete(folder, recursive: true);
            var later = checkpoints.Count - i - 1;
            (options.Log ?? Console.WriteLine)($"checkpoint {checkpoints[i].Folder} is damaged ({damage}): discarded it" +
                (later > 0 ? $" and the {later} after it" : "") + $"; resuming from {(i > 0 ? checkpoints[i - 1].Folder : "the start")}");
            return [.. checkpoints.Take(i)];
        }
        return checkpoints;
    }
}
