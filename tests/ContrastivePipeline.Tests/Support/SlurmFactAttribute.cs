namespace ContrastivePipeline.Tests.Support;

/// <summary>
/// A test that submits jobs to a real Slurm cluster: `.ci/run` starts a one-node one (`.ci/slurm-cluster start`, two
/// fake GPUs) and sets CP_SLURM=1. Reported as skipped, with the reason, where there is none.
/// </summary>
internal sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CP_SLURM") != "1")
            Skip = "needs a Slurm cluster: run `.ci/slurm-cluster start` as root, then set CP_SLURM=1 (.ci/run does both)";
        else if (!OnPath("sbatch"))
            Skip = "CP_SLURM=1 but sbatch is not on PATH";
    }

    static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));
}
