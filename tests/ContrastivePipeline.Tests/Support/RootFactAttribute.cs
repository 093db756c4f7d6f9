namespace ContrastivePipeline.Tests.Support;

/// <summary>A test that needs root (it mounts a filesystem); reported as skipped otherwise.</summary>
internal sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (Environment.UserName != "root")
            Skip = "needs root (mounts a small tmpfs); CI runs as root";
    }
}
