using System.Runtime.InteropServices;

namespace ContrastivePipeline.Steps;

/// <summary>
/// SIGUSR1 or SIGTERM asks a step to stop so that it can run again later: Slurm sends USR1 a grace before a time limit
/// (<c>--signal=B:USR1@grace</c>, handed on by the sbatch script) and TERM when it preempts or requeues a job, and kills
/// it a little later. Training <see cref="Listen"/>s: it takes a checkpoint at its next optimizer step and stops there
/// (<see cref="StepStoppedException"/>), losing at most the step in flight. Any other step stops at once; what it
/// finished is in its partial folder already. Either way the step exits with <see cref="StepSpec.StoppedToRunAgain"/>.
/// </summary>
internal static class StopRequest
{
    /// <summary>SIGUSR1 on Linux; .NET names only the portable signals, and takes others by number.</summary>
    const int SigUsr1 = 10;

    static PosixSignalRegistration[]? registrations;
    static volatile string? signal;
    static volatile bool listening;

    /// <summary>The signal that asked the step to stop, or null while none has.</summary>
    public static string? Signal => signal;

    public static void Install() =>
        registrations ??= [Register((PosixSignal)SigUsr1, "SIGUSR1"), Register(PosixSignal.SIGTERM, "SIGTERM")];

    /// <summary>The step stops itself at a point where it can resume exactly (training: after an optimizer step).</summary>
    public static void Listen() => listening = true;

    static PosixSignalRegistration Register(PosixSignal number, string name) => PosixSignalRegistration.Create(number, context =>
    {
        context.Cancel = true;
        signal ??= name;
        if (listening)
            return;
        Console.Error.WriteLine($"{name}: stopping now, to run again; the partial folder is kept and the step resumes from it");
        Environment.Exit(StepSpec.StoppedToRunAgain);
    });
}
