namespace ContrastivePipeline.Build.Internal;

/// <summary>The host was asked to stop (SIGINT, SIGTERM) while <paramref name="instance"/> ran; the child was stopped.</summary>
internal sealed class RunInterruptedException(string instance) : Exception($"stopped {instance}");
