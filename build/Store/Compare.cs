using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ContrastivePipeline.Build.Host;
using ContrastivePipeline.Configuration;
using Spectre.Console;
using YamlDotNet.RepresentationModel;

namespace ContrastivePipeline.Build.Store;

/// <summary>
/// <c>--target=Compare --experiment=a.yaml,b.yaml</c> (as <c>dvc exp show</c>): one table across experiments, a row
/// per experiment and arm, a column per setting that differs between them, then a column per task (the mean over
/// seeds at the paper's best checkpoint, from each run's report.json). <c>--out=file.md</c> or <c>file.csv</c> also
/// writes it as markdown or CSV. An entry may also name a run folder of artifacts/runs/. Nothing runs.
/// </summary>
internal static class Compare
{
    public static int Run(Arguments arguments, string root)
    {
        var cake = new CakeServices(arguments, root);
        var paths = new Paths(root, cake.Configuration.GetValue("Paths_Artifacts") ?? "artifacts");
        var runs = arguments.Experiment.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => Load(e, root, paths)).ToList();
        // A setting some run lacks came after that run was made (it ran with its default): it is not a difference.
        var differing = runs.SelectMany(r => r.Settings.Keys).Distinct().Order(StringComparer.Ordinal)
            .Where(k => runs.All(r => r.Settings.ContainsKey(k)) && runs.Select(r => r.Settings[k]).Distinct().Count() > 1).ToList();
        var tasks = runs.SelectMany(r => r.Report?["tasks"]?.AsArray().Select(t => (string)t!) ?? []).Distinct().ToList();
        List<string> columns = ["experiment", "arm", .. differing, .. tasks];
        var rows = runs.SelectMany(r => Rows(r, differing, tasks)).ToList();
        StoreVerbs.Write(columns, rows);
        foreach (var missing in runs.Where(r => r.Report is null))
            StoreVerbs.Say($"{missing.Name}: no report.json in {paths.Run(missing.Name)}: run the experiment to fill its row");
        if (RunCost.Campaign(runs.Select(r => paths.Run(r.Name))) is { } campaign)
            StoreVerbs.Say(Markup.Escape(campaign));
        if (arguments.All["out"].LastOrDefault() is { } output)
        {
            var file = Path.GetFullPath(output);
            File.WriteAllText(file, file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? Csv(columns, rows) : Markdown(columns, rows));
            StoreVerbs.Say($"wrote {file}");
        }
        return 0;
    }

    sealed record ComparedRun(string Name, Dictionary<string, string> Settings, JsonNode? Report);

    /// <summary>An experiment file (its last run's report and resolved settings), or the name of a run folder.</summary>
    static ComparedRun Load(string entry, string root, Paths paths)
    {
        var file = Paths.ExperimentFile(entry, root);
        string name, settings;
        if (File.Exists(file))
        {
            var experiment = ExperimentLoader.Load(file, root);
            name = experiment.Name;
            var resolved = Path.Combine(paths.Run(name), "config.resolved.yaml");
            settings = File.Exists(resolved) ? File.ReadAllText(resolved) : ExperimentLoader.Resolve(experiment);
        }
        else if (Directory.Exists(paths.Run(entry)) && File.Exists(Path.Combine(paths.Run(entry), "config.resolved.yaml")))
            (name, settings) = (entry, File.ReadAllText(Path.Combine(paths.Run(entry), "config.resolved.yaml")));
        else
            throw new ArgumentException($"--experiment={entry}: neither an experiment file nor a run folder of " +
                Path.Combine(paths.Artifacts, "runs"));
        var report = Path.Combine(paths.Run(name), "report.json");
        return new(name, Flatten(settings), File.Exists(report) ? JsonNode.Parse(File.ReadAllText(report)) : null);
    }

    static IEnumerable<IReadOnlyList<string>> Rows(ComparedRun run, List<string> differing, List<string> tasks)
    {
        var settings = differing.Select(k => run.Settings.GetValueOrDefault(k, "")).ToList();
        if (run.Report is not { } report)
        {
            yield return [run.Name, "", .. settings, .. tasks.Select(_ => "")];
            yield break;
        }
        var best = report["rules"]!.AsArray().First(r => (string?)r!["rule"] == "best")!["scores"]!.AsArray();
        foreach (var arm in report["arms"]!.AsArray().Select(a => (string)a!["name"]!))
        {
            string Score(string task) => best.FirstOrDefault(s => (string?)s!["arm"] == arm && (string?)s["task"] == task) is { } s
                ? ((double)s["mean"]!).ToString("F2", CultureInfo.InvariantCulture) : "";
            yield return [run.Name, arm, .. settings, .. tasks.Select(Score)];
        }
    }

    /// <summary>A resolved experiment as <c>section.key</c> to value; lists of sections as <c>bad[1].step</c>.</summary>
    static Dictionary<string, string> Flatten(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var values = new Dictionary<string, string>();
        Visit(stream.Documents[0].RootNode, "");
        values.Remove("name");
        return values;

        void Visit(YamlNode node, string path)
        {
            switch (node)
            {
                case YamlMappingNode mapping:
                    foreach (var (key, value) in mapping.Children)
                        Visit(value, path.Length == 0 ? $"{key}" : $"{path}.{key}");
                    break;
                case YamlSequenceNode sequence when sequence.Children.All(c => c is YamlScalarNode):
                    values[path] = $"[{string.Join(", ", sequence.Children.Select(c => ((YamlScalarNode)c).Value))}]";
                    break;
                case YamlSequenceNode sequence:
                    for (var i = 0; i < sequence.Children.Count; i++)
                        Visit(sequence.Children[i], $"{path}[{i}]");
                    break;
                case YamlScalarNode scalar:
                    values[path] = scalar.Value ?? "";
                    break;
            }
        }
    }

    static string Markdown(List<string> columns, List<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", columns).Append(" |\n");
        text.Append('|').AppendJoin("", columns.Select(_ => " --- |")).Append('\n');
        foreach (var row in rows)
            text.Append("| ").AppendJoin(" | ", row.Select(v => v.Replace("|", "\\|"))).Append(" |\n");
        return text.ToString();
    }

    static string Csv(List<string> columns, List<IReadOnlyList<string>> rows)
    {
        static string Field(string v) => v.IndexOfAny([',', '"', '\n']) < 0 ? v : $"\"{v.Replace("\"", "\"\"")}\"";
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(columns))
            text.AppendJoin(',', row.Select(Field)).Append('\n');
        return text.ToString();
    }
}
