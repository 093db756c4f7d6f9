namespace ContrastivePipeline.Steps;

/// <summary>What the Report step reads: which arm is the baseline, what each arm is, the runs and corpora it reads, and the paired bootstrap's size.</summary>
/// <param name="Baseline">The name of the real-data-only arm every other arm is compared with.</param>
/// <param name="Arms">The arms in the order the tables list them (GOOD is not one of them; its inputs use arm "good").</param>
/// <param name="Runs">Every scored run (GOOD's too), in the order the report reads them.</param>
/// <param name="Corpora">Every diagnosed corpus (the synthetic ones by name, and the real text), in the order of the corpus table.</param>
/// <param name="Replicates">Bootstrap replicates B (the paper: 1000).</param>
/// <param name="Seed">Seed of the shared resampling index sets (the paper: 42).</param>
public sealed record ReportSettings(string Baseline, List<ReportArm> Arms, List<ReportRun> Runs, List<string> Corpora, int Replicates, int Seed);
