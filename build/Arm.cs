using System.Globalization;
using ContrastivePipeline.Build.Planning;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Contracts;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Build;

/// <summary>One training configuration of the comparison: real data only, or real mixed with one synthetic corpus at one ratio.</summary>
/// <param name="Mix">The Mix instance whose synthetic stream this arm trains on; null for the baseline.</param>
/// <param name="Strategy">How its synthetic corpus was decoded; null for the baseline.</param>
/// <param name="Bad">The BAD checkpoint (and dropout) it was contrasted with; null where none was.</param>
public sealed record Arm(string Name, string Corpus, double Ratio, StepInstance? Mix, DecodingStrategy? Strategy = null, BadCheckpoint? Bad = null)
{
    public const string Baseline = "baseline";

    /// <summary>The baseline, then every synthetic corpus at every ratio of the experiment (a sweep when several).</summary>
    public static IEnumerable<Arm> All(BuildContext context)
    {
        yield return new(Baseline, Baseline, 0, null);
        var ratios = context.Experiment.Mix.Ratios;
        foreach (var mix in context.Planned<Tasks.MixTask>())
        {
            foreach (var ratio in ratios)
            {
                var name = ratios.Count == 1 ? mix.Instance : $"{mix.Instance}-r{ratio.ToString(CultureInfo.InvariantCulture)}";
                var generated = (GenerateSettings)((ArtifactInput)mix.Inputs[MixContract.Synthetic]).Source.Settings;
                yield return new(name, mix.Instance, ratio, mix, generated.Strategy, generated.Bad);
            }
        }
    }
}
