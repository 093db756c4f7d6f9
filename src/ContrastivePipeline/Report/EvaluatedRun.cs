using ContrastivePipeline.Contracts;
using ContrastivePipeline.Evaluation;
using ContrastivePipeline.Evaluation.Aggregation;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Report;

/// <summary>One Score artifact read back: every checkpoint's evidence on every task, and its tie counts.</summary>
/// <param name="Perplexity">The perplexity file of each evaluated step, in step order.</param>
internal sealed record EvaluatedRun(string Arm, int Seed, IReadOnlyList<CheckpointScore> Checkpoints, IReadOnlyList<TieCount> Ties,
    IReadOnlyList<(int Step, PerplexityFile File)> Perplexity)
{
    /// <param name="arm">The arm and <paramref name="seed"/> of the run it scored (the report's input names them; the artifact does not).</param>
    /// <param name="evalFolders">The evaluation data folder of each suite (inputs "tasks", "probes"), for the reading rows.</param>
    public static EvaluatedRun Load(string artifact, string arm, int seed, IReadOnlyDictionary<string, string> evalFolders)
    {
        var indexPath = Path.Combine(artifact, EvaluationIndex.FileName);
        if (!File.Exists(indexPath))
            throw new StepException($"{artifact}: no {EvaluationIndex.FileName}; is this an Score artifact?");
        var index = Json.Read<EvaluationIndex>(indexPath);
        List<CheckpointScore> checkpoints = [];
        List<TieCount> ties = [];
        List<(int, PerplexityFile)> perplexities = [];
        foreach (var step in index.Steps)
        {
            var folder = RunLayout.ScoredFolder(artifact, step);
            var perplexity = Json.Read<PerplexityFile>(Path.Combine(folder, PerplexityFile.FileName));
            checkpoints.Add(new(arm, seed, step, new PerplexityEvidence(perplexity.BlockLosses, perplexity.StrataSizes)));
            perplexities.Add((step, perplexity));
            foreach (var suite in ScoreContract.Suites.Where(s => Directory.Exists(Path.Combine(folder, s))))
            {
                if (!evalFolders.TryGetValue(suite, out var evalFolder))
                    throw new StepException($"{folder}/{suite}: the Report step needs input '{suite}' (the evaluation data it was scored on)");
                var evaluation = EvaluationRun.Load(evalFolder, Path.Combine(folder, suite));
                // Probe tasks carry their suite's prefix ("tinyworld/blimp"); reading scores of a probe folder would
                // collide with the official ones, so only the official suite contributes reading and eye tracking.
                var evidence = evaluation.Evidence().Where(e => suite == ScoreContract.Tasks || e.Task.Contains('/'));
                checkpoints.AddRange(evidence.Select(e => new CheckpointScore(arm, seed, step, e)));
                ties.AddRange(evaluation.Scores.Select(s => new TieCount(arm, seed, step, s.Task, s.Items, s.Ties)));
            }
        }
        return new(arm, seed, checkpoints, ties, perplexities);
    }
}
