namespace ContrastivePipeline.Evaluation.Aggregation;

/// <summary>Which checkpoint of a run stands for it on a task.</summary>
internal enum CheckpointRule
{
    /// <summary>The paper's rule: per seed and task, the best checkpoint (max; min for perplexity).</summary>
    Best,

    /// <summary>The last checkpoint (highest step), free of the optimistic selection.</summary>
    Final,
}
