namespace ContrastivePipeline.Artifacts;

/// <summary>A run's lease on its key was broken by another run (this one stalled for longer than the lease), so it must not commit.</summary>
public sealed class LockLostException(string path, LockHolder? now, TimeSpan lease) : Exception(
    $"this run lost its lock on {path}: it did not renew its lease for {lease.TotalSeconds:F0} s (a stalled host, " +
    $"a frozen filesystem), so another run broke it{(now is null ? "" : $" (now held by {now})")}. Nothing was " +
    "committed; rerun: the key is reused if the other run finished it, otherwise produced again.");
