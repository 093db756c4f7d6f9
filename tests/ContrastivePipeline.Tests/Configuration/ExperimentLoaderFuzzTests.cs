using System.Text;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.Configuration;

/// <summary>
/// The loader under mutations of every shipped experiment: each input loads, or fails with a <see cref="ConfigException"/>
/// whose every line names the file; never another exception, never a stack overflow (which would end the test process).
/// </summary>
public sealed class ExperimentLoaderFuzzTests
{
    const int Seed = 21;
    const int MutationsPerFile = 600;

    [Fact]
    public void Load_MutatedShippedExperiments_LoadsOrFailsWithOneErrorNamingTheFile()
    {
        using var temp = new TempFolder();
        var file = Path.Combine(temp.Path, "fuzzed.yaml");
        var random = new Random(Seed);
        var cases = 0;
        var failures = new List<string>();
        foreach (var shipped in Directory.GetFiles(Path.Combine(Repo.Root, "experiments"), "*.yaml").Order())
        {
            var text = File.ReadAllText(shipped);
            foreach (var mutated in Cuts(text, random).Concat(Enumerable.Range(0, MutationsPerFile).Select(_ => Mutate(text, random)))
                         .Concat(Hostile(text)))
            {
                cases++;
                if (Problem(file, mutated) is { } problem)
                    failures.Add($"{Path.GetFileName(shipped)}: {problem}\n--- input (first 300 chars) ---\n{mutated[..Math.Min(300, mutated.Length)]}");
            }
        }
        Assert.True(cases > 3000, $"only {cases} cases");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} inputs broke the loader; the first:\n{string.Join("\n\n", failures.Take(3))}");
    }

    /// <summary>What is wrong with loading <paramref name="yaml"/>, or null when it loads or fails cleanly.</summary>
    static string? Problem(string file, string yaml)
    {
        File.WriteAllText(file, yaml);
        // A generous bound that only an endless loop reaches; the time itself is not asserted.
        var load = Task.Run(() =>
        {
            try
            {
                ExperimentLoader.Load(file, Repo.Root);
                return null;
            }
            catch (ConfigException e)
            {
                var lines = e.Message.Split('\n');
                return lines.All(l => l.StartsWith(file + ":", StringComparison.Ordinal)) ? null : $"a line does not name the file: {e.Message}";
            }
            catch (Exception e)
            {
                return $"{e.GetType().Name}: {e.Message}";
            }
        });
        return load.Wait(TimeSpan.FromMinutes(1)) ? load.Result : "still loading after a minute";
    }

    /// <summary>The file cut short at about 150 offsets spread over it, and at its last few bytes.</summary>
    static IEnumerable<string> Cuts(string text, Random random) =>
        Enumerable.Range(0, 150).Select(_ => random.Next(text.Length)).Concat(Enumerable.Range(Math.Max(0, text.Length - 5), 5))
            .Select(at => text[..at]);

    static readonly string[] Pieces = ["[", "]", "{", "}", "\"", "'", ":", ": ", "- ", "\n", "\n  ", "  ", "\t", "#", "&a ", "*a", "!!str ", "|", ">", ",", "?", "%", "@", "`"];

    /// <summary>One to three insertions, deletions or random bytes at random places.</summary>
    static string Mutate(string text, Random random)
    {
        var sb = new StringBuilder(text);
        for (var n = random.Next(1, 4); n > 0 && sb.Length > 0; n--)
        {
            var at = random.Next(sb.Length);
            switch (random.Next(4))
            {
                case 0:
                    sb.Insert(at, Pieces[random.Next(Pieces.Length)]);
                    break;
                case 1:
                    sb.Remove(at, Math.Min(sb.Length - at, random.Next(1, 8)));
                    break;
                case 2:
                    sb[at] = (char)random.Next(0, 256);
                    break;
                default:
                    // A line's indentation changed: the commonest hand-editing slip.
                    var line = text.LastIndexOf('\n', Math.Min(at, text.Length - 1)) + 1;
                    sb.Insert(Math.Min(line, sb.Length), random.Next(2) == 0 ? " " : "\t");
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Inputs built to exhaust a parser: deep nesting of every kind, huge scalars, aliases.</summary>
    static IEnumerable<string> Hostile(string text)
    {
        yield return "name: " + new string('[', 40_000);
        yield return "name: " + new string('{', 40_000);
        yield return "name: " + string.Concat(Enumerable.Repeat("{a: ", 20_000));
        yield return "mix:\n  ratios: " + string.Concat(Enumerable.Repeat("[", 5_000)) + "0.3" + new string(']', 5_000) + "\n";
        yield return "name:\n" + string.Concat(Enumerable.Repeat("- ", 20_000)) + "x\n";
        yield return string.Concat(Enumerable.Range(0, 3_000).Select(i => new string(' ', i) + $"k{i}:\n"));
        yield return text + "\nname: " + new string('x', 5_000_000) + "\n";
        yield return text + "\n# " + new string('y', 5_000_000) + "\n";
        yield return "name: &a smoke\nseed: *a\n";
        yield return "train: &t {steps: 40}\ngood: *t\n";
        yield return "seed: *undefined\n";
        yield return "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\n" +
                     "mix:\n  ratios: [*c, *c, *c, *c, *c, *c, *c, *c]\n";
        yield return "train: &t\n  steps: 40\n  <<: *t\n";
        yield return text + "\n---\n" + text;
        yield return text + text;
        yield return "\uFEFF" + text;
        yield return text.Replace("  ", "\t");
        yield return text.Replace(": ", ":");
        yield return text.Replace("\n", "\r\n");
    }
}
