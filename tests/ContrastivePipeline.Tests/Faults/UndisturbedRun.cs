using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.Faults;

/// <summary>The smoke experiment up to TrainFinal, run once without any fault: what every faulted run must end up with.</summary>
public sealed class UndisturbedRun : IDisposable
{
    readonly TempFolder temp = new();

    public UndisturbedRun()
    {
        var (exit, output) = HostProcess.Run(Root, StoreState.Smoke, StoreState.UpToFinal);
        Assert.True(exit == 0, output);
        Outputs = StoreState.Outputs(Root);
    }

    public string Root => temp.Path;

    /// <summary>Every output hash of every instance of the run, by instance.</summary>
    public SortedDictionary<string, string> Outputs { get; }

    public void Dispose() => temp.Dispose();
}
