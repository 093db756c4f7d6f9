using ContrastivePipeline.Build.Planning;

namespace ContrastivePipeline.Build.Execution;

/// <summary>
/// What a dry run on Slurm would ask of the cluster: per task, how many jobs and each one's resources, so a request a
/// site would refuse or queue for days shows before anything is submitted.
/// </summary>
internal static class SlurmRequests
{
    /// <summary>squeue's columns with the job name last and whole (its default cuts it to 8 characters).</summary>
    public const string SqueueFormat = "%.10i %.9T %.10M %.16R %j";

    /// <param name="ask">A task's sbatch resource options.</param>
    public static void Print(IEnumerable<PlannedStep> plan, Func<string, IEnumerable<string>> ask)
    {
        var tasks = plan.Where(p => p.Entry.Status == PlanEntry.Run).GroupBy(p => p.Instance.Task).ToList();
        Console.WriteLine(tasks.Count == 0 ? "On Slurm: no job to submit." : "On Slurm, each job would ask (sbatch options, from cake.config [Resources], " +
            "[Resources_<Task>] and the experiment's resources:):");
        foreach (var task in tasks)
        {
            var count = task.Count();
            Console.WriteLine($"  {task.Key}: {count} job{(count == 1 ? "" : "s")}, {string.Join(' ', ask(task.Key))}");
        }
        Console.WriteLine($"Jobs are named <Task>-<instance>; to see the names whole: squeue --me -o '{SqueueFormat}'");
    }
}
