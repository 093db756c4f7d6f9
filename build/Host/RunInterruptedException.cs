namespace ContrastivePipeline.Build.Host;

/// <summary>The host was asked to stop (SIGINT, SIGTERM) while <paramref name="instances"/> ran; their children were stopped.</summary>
internal sealed class RunInterruptedException(string instances) : Exception($"stopped {instances}")
{
    /// <summary>The instances that were running, comma-separated, or "nothing was running".</summary>
    public string Instances { get; } = instances;
}
