namespace ContrastivePipeline.Build.Planning;

/// <summary>A stage of the pipeline (Frosting's <c>FrostingTask&lt;T&gt;</c>): it plans step instances, the host runs them.</summary>
public abstract class PipelineTask
{
    /// <summary>The step instances of this stage, with their keys; called before anything runs, also for --dryrun.</summary>
    public virtual IEnumerable<StepInstance> Plan(BuildContext context) => [];

    /// <summary>Work after the stage's instances are done that is not itself cached (reports, benchmarks).</summary>
    public virtual void Run(BuildContext context)
    {
    }
}
