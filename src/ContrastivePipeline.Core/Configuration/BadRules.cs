using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Configuration;

/// <summary>
/// What one kind of BAD model means (PAPER.md 3.4): its label, which run its weights come from, which checkpoint and
/// dropout it hands to generation, and which steps it may read. One small type per <see cref="BadKind"/>, found by
/// its <see cref="Kind"/>: a new kind is an enum member and one such type, and nothing else switches on the kind.
/// </summary>
public abstract class BadRules
{
    static readonly Dictionary<BadKind, BadRules> All = typeof(BadRules).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(BadRules)) && !t.IsAbstract)
        .Select(t => (BadRules)Activator.CreateInstance(t)!).ToDictionary(r => r.Kind);

    public static BadRules Of(BadKind kind) =>
        All.TryGetValue(kind, out var rules) ? rules : throw new InvalidOperationException($"BAD kind {kind} has no rules type");

    public abstract BadKind Kind { get; }

    /// <summary>The paper's name of a BAD of this kind (early-500, small-2500, dropout-0.5).</summary>
    public abstract string Label(BadConfig bad);

    /// <summary>True when the BAD is a model trained for it (a small run); false when it reads GOOD's own run.</summary>
    public virtual bool OwnRun => false;

    /// <summary>The checkpoint of its run that generation loads, and the attention dropout it samples with.</summary>
    public abstract BadCheckpoint Checkpoint(BadConfig bad, int goodStep);

    /// <summary>Why <c>bad.step</c> names no checkpoint this kind can read; null when it does.</summary>
    /// <param name="saved">Whether a run of the experiment's recipe saves a checkpoint at a step.</param>
    /// <param name="savedText">What a saved checkpoint is, for the message.</param>
    public virtual string? StepProblem(BadConfig bad, Func<int, bool> saved, string savedText, int goodStep) => null;
}
