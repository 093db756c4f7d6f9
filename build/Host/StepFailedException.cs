namespace ContrastivePipeline.Build.Host;

/// <summary>A step program exited with an error; its own output above says why.</summary>
internal sealed class StepFailedException(string message) : Exception(message);
