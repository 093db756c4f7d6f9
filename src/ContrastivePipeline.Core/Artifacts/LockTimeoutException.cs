namespace ContrastivePipeline.Artifacts;

/// <summary>A key's lock stayed held for longer than --lock-timeout; the message says how to clear a dead host's lock.</summary>
public sealed class LockTimeoutException(string path, LockHolder? holder, TimeSpan waited) : Exception(
    $"gave up after {waited.TotalSeconds:F0} s (--lock-timeout) waiting for {path}, held by {holder?.ToString() ?? "an unknown process"}. " +
    "If that run is alive, wait for it or raise --lock-timeout. If its host is down and nothing there still runs this step " +
    $"(the lock of a dead host's process is released when the shared filesystem notices), delete {path} and rerun.");
