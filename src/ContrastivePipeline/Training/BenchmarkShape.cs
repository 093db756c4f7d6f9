using System.Globalization;
using ContrastivePipeline.Model;

namespace ContrastivePipeline.Training;

/// <summary>The training speed benchmark's shape; the defaults are the reference shape of BENCHMARKS.md.</summary>
public sealed record BenchmarkShape
{
    public ModelShape Model { get; init; } = new(Layers: 4, Hidden: 256, Heads: 4, Intermediate: 1024, Context: 256, Vocab: 8192);
    public int Batch { get; init; } = 16;
    public int Threads { get; init; } = 2;
    public int WarmupSteps { get; init; } = 2;
    public int TimedSteps { get; init; } = 10;

    /// <summary>Applies <c>--layers= --hidden= --heads= --intermediate= --context= --vocab= --batch= --threads= --steps=</c>.</summary>
    public static BenchmarkShape Parse(IEnumerable<string> args)
    {
        var shape = new BenchmarkShape();
        foreach (var arg in args)
        {
            var (name, value) = arg.Split('=', 2) is [var n, var v] && int.TryParse(v, CultureInfo.InvariantCulture, out var i)
                ? (n, i)
                : throw new ArgumentException($"expected --name=<integer>, got '{arg}'");
            var m = shape.Model;
            shape = name switch
            {
                "--layers" => shape with { Model = m with { Layers = value } },
                "--hidden" => shape with { Model = m with { Hidden = value } },
                "--heads" => shape with { Model = m with { Heads = value } },
                "--intermediate" => shape with { Model = m with { Intermediate = value } },
                "--context" => shape with { Model = m with { Context = value } },
                "--vocab" => shape with { Model = m with { Vocab = value } },
                "--batch" => shape with { Batch = value },
                "--threads" => shape with { Threads = value },
                "--steps" => shape with { TimedSteps = value },
                _ => throw new ArgumentException($"unknown option '{name}'; allowed: --layers --hidden --heads --intermediate --context --vocab --batch --threads --steps"),
            };
        }
        return shape;
    }
}
