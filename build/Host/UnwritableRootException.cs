namespace ContrastivePipeline.Build.Host;

/// <summary>The artifact root cannot be written; the message already says what to do, so nothing is added to it.</summary>
internal sealed class UnwritableRootException(string message, Exception inner) : IOException(message, inner);
