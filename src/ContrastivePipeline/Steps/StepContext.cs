using System.Text.Json;

namespace ContrastivePipeline.Steps;

/// <summary>What a running step sees: its spec, typed settings, input folders and the folder it writes into.</summary>
internal sealed class StepContext(StepSpec spec, string outputFolder)
{
    public StepSpec Spec { get; } = spec;

    /// <summary>The partial folder; renamed into the store only when the step returns normally.</summary>
    public string OutputFolder { get; } = outputFolder;

    public int Threads => Spec.Threads;

    public string Device => Spec.Toolchain.Device;

    public T Settings<T>() => Spec.Settings.Deserialize<T>(Json.Options)
        ?? throw new InvalidDataException($"step {Spec.Step}: settings missing from the spec");

    public string Input(string name) => Spec.Inputs.TryGetValue(name, out var folder)
        ? folder
        : throw new InvalidOperationException($"step {Spec.Step} needs input '{name}', which its spec does not name");

    public string Output(string file) => Path.Combine(OutputFolder, file);

    public void Log(string message) => Console.WriteLine($"[{Spec.Step}/{Spec.Instance}] {message}");
}
