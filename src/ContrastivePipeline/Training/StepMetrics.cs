using System.Text.Json.Serialization;

namespace ContrastivePipeline.Training;

/// <summary>
/// One line of <c>metrics.jsonl</c>: the optimiser step just completed (1-based) and what it measured. The speed is
/// printed, not stored: an artifact holds results only, so one rebuilt with the same results has the same bytes and
/// what reads it is reused (keys hash input contents).
/// </summary>
internal sealed record StepMetrics(long Step, double Loss, double LearningRate, double GradNorm, [property: JsonIgnore] double TokensPerS);
