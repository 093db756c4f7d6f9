using ContrastivePipeline.Contracts;

namespace ContrastivePipeline.Steps;

/// <summary>One step program. It reads its inputs and settings from the context and writes only into its output folder.</summary>
internal interface IStep
{
    string Name { get; }

    /// <summary>True when the step continues from what a killed run left in its output folder (checkpoints, shards).</summary>
    bool Resumable => false;

    /// <summary>
    /// Whether the step reads <paramref name="file"/> (relative to its artifact) of input <paramref name="input"/>: the
    /// files it reads are checked against their manifest before it runs. No step reads another run's optimizer state.
    /// </summary>
    bool Reads(StepContext context, string input, string file) => Path.GetFileName(file) != RunLayout.OptimizerFile;

    void Run(StepContext context);
}
