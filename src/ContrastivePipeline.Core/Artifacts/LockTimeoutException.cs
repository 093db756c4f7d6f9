namespace ContrastivePipeline.Artifacts;

/// <summary>A key's lock stayed held for longer than --lock-timeout; the message says how to clear a dead host's lock.</summary>
public sealed class LockTimeoutException(string path, LockHolder? holder, TimeSpan waited) : Exception(
    $"gave up after {waited.TotalSeconds:F0} s (--lock-timeout) waiting for {path}, held by {holder?.ToString() ?? "an unknown process"}. " +
    "If that run is alive, wait for it or raise --lock-timeout. A holder that is gone loses the lock by itself once its " +
    "lease expires, unless Slurm says its job still runs (then scancel the job). If its host is down and nothing there " +
    $"still runs this step, delete {path} and {KeyLock.LeaseFile(path)} and rerun.");
