namespace ContrastivePipeline.Build.Planning;

/// <summary>An instance and its plan entry; <paramref name="Replace"/> when its run replaces a complete artifact (--force, or --verify found it changed).</summary>
internal sealed record PlannedStep(StepInstance Instance, PlanEntry Entry, bool Replace);
