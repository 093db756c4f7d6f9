using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ContrastivePipeline.Configuration;

/// <summary>Reads an experiment file into an <see cref="Experiment"/> or throws a <see cref="ConfigException"/> that lists every problem.</summary>
public static class ExperimentLoader
{
    /// <param name="path">The YAML file.</param>
    /// <param name="root">Folder that relative paths inside the file are resolved against (the repository root).</param>
    public static Experiment Load(string path, string root)
    {
        if (!File.Exists(path))
            throw new ConfigException($"{path}: experiment file not found. Pass --experiment=experiments/<name>.yaml; " +
                $"the shipped ones are in {Path.Combine(root, "experiments")}.");
        var stream = new YamlStream();
        var parser = new GuardedParser(new Parser(new StringReader(File.ReadAllText(path))), path);
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            throw NotYaml(path, e.Start, Innermost(e).Message);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner and node builder throw these, without a position, on some malformed input (a key
            // made only of ': ' on a line of its own; an unclosed quote or bracket before a plain scalar).
            throw NotYaml(path, parser.Last, "it cannot be read after this point (a stray ':', bracket or quote?).");
        }
        var document = stream.Documents.FirstOrDefault()?.RootNode;
        if (document is null)
            throw new ConfigException($"{path}: the file is empty (or holds only whitespace and comments). Write the sections " +
                "that differ from the defaults (corpus:, model:, train:, ...); experiments/default.yaml is an example.");
        if (document is not YamlMappingNode mapping)
            throw new ConfigException($"{path}:{document.Start.Line}:{document.Start.Column}: the file must be a mapping of sections " +
                "(corpus:, tokenizer:, ...), not a list or a single value.");

        var binder = new YamlBinder();
        var experiment = binder.Bind<Experiment>(mapping);
        if (experiment.Name.Length == 0)
            experiment = experiment with { Name = Path.GetFileNameWithoutExtension(path) };

        var errors = binder.Errors.Select(e => Format(path, e.Mark, e.Key, e.Message)).ToList();
        var problems = experiment.Validate().Concat(MissingPaths(experiment, root));
        errors.AddRange(problems.Select(e => Format(path, binder.MarkOf(e.Key), e.Key, e.Message)));
        if (errors.Count > 0)
            throw new ConfigException(string.Join(Environment.NewLine, errors));
        return experiment;
    }

    /// <summary>The experiment with every default filled in, as YAML: saved with each run, and loadable as an experiment.</summary>
    public static string Resolve(Experiment experiment) =>
        new SerializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance)
            .WithEnumNamingConvention(HyphenatedNamingConvention.Instance).WithTypeConverter(new DecodingStrategyYaml()).DisableAliases()
            .ConfigureDefaultValuesHandling(DefaultValuesHandling.Preserve).Build().Serialize(experiment);

    static IEnumerable<ConfigError> MissingPaths(Experiment e, string root)
    {
        if (!e.Corpus.IsBuiltin && !Directory.Exists(Path.Combine(root, e.Corpus.Source)))
            yield return new("corpus.source", $"folder '{e.Corpus.Source}' not found (relative paths start at {root}); " +
                $"use {CorpusConfig.BuiltinTinyWorld} or a folder of text files, e.g. data/corpora/small");
        if (e.Corpus.Perplexity is { } ppl && !Directory.Exists(Path.Combine(root, ppl)))
            yield return new("corpus.perplexity", $"folder '{ppl}' not found; remove the key to hold out part of the corpus instead");
        if (e.Evaluate.Tasks is { } tasks && !Directory.Exists(Path.Combine(root, tasks)))
            yield return new("evaluate.tasks", $"folder '{tasks}' not found; point it at a BabyLM evaluation folder such as data/eval, or remove it");
    }

    static ConfigException NotYaml(string path, Mark mark, string message) =>
        new($"{path}:{mark.Line}:{mark.Column}: not valid YAML: {message} Fix the syntax (indentation with spaces, 'key: value' pairs).");

    static string Format(string path, Mark? mark, string key, string message) =>
        mark is { } m ? $"{path}:{m.Line}:{m.Column}: {key}: {message}" : $"{path}: {key}: {message}";

    static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
