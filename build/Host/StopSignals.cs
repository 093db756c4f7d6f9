using System.Runtime.InteropServices;

namespace ContrastivePipeline.Build.Host;

/// <summary>SIGINT and SIGTERM ask the run to stop: running children are stopped, the summary is written.</summary>
internal sealed class StopSignals : IDisposable
{
    readonly CancellationTokenSource source = new();
    readonly PosixSignalRegistration[] registrations;

    public StopSignals() => registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM }.Select(signal =>
        PosixSignalRegistration.Create(signal, c =>
        {
            c.Cancel = true;
            Signal ??= signal == PosixSignal.SIGINT ? "SIGINT" : "SIGTERM";
            source.Cancel();
        }))];

    public CancellationToken Token => source.Token;

    public string? Signal { get; private set; }

    public void Dispose()
    {
        foreach (var registration in registrations)
            registration.Dispose();
        source.Dispose();
    }
}
