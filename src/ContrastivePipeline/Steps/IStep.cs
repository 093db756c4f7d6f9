namespace ContrastivePipeline.Steps;

/// <summary>One step program. It reads its inputs and settings from the context and writes only into its output folder.</summary>
internal interface IStep
{
    string Name { get; }

    /// <summary>True when the step continues from what a killed run left in its output folder (checkpoints, shards).</summary>
    bool Resumable => false;

    void Run(StepContext context);
}
