using System.Reflection;
using ContrastivePipeline.Evaluation;
using ContrastivePipeline.Generation;
using ContrastivePipeline.Model;
using ContrastivePipeline.Tests.Support;
using ContrastivePipeline.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ContrastivePipeline.Tests.Model;

/// <summary>
/// TorchSharp 0.107 frees a native Scalar from its finalizer, and a number turned into a Scalar on the fly (x * 0.5,
/// the alpha of 1 inside x + y) is garbage as soon as its handle is read. A collection on another thread during the
/// native call then frees it while libtorch reads it: CI once died in Evaluate with "Expected false to be true ...
/// toFloat". Our code therefore passes only Scalars it holds (see <see cref="Scalars"/>), and a step's tensors stay
/// rooted in a dispose scope (StepRunnerTests).
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class ScalarLifetimeTests
{
    const int Rounds = 300;

    [Fact]
    public void HotPaths_SurviveCollectionsOnAnotherThread()
    {
        // Before the fix this failed in the first round with libtorch's "Expected false to be true ... toDouble".
        manual_seed(7);
        var shape = TinyModels.Shape with { Context = 32 };
        using var good = new Llama(shape);
        using var bad = new Llama(shape);
        good.eval();
        bad.eval();
        using var optimizer = new AdamW(bad.parameters(), 0.1);
        using var tokens = tensor(Enumerable.Range(0, 4 * 12).Select(i => (long)(1 + i * 7 % 30)).ToArray(), [4, 12]);
        using var positions = Llama.Positions(11, CPU);
        var scorer = new ModelScorer(good, CPU);
        var contrastive = new ContrastiveDecoding(1.0, 0.1, 1.0, 0.0);
        var truncation = new Truncation(5, 0.9, -20);

        using var hammer = new CollectionHammer();
        for (var round = 0; round < Rounds; round++)
        {
            using var scope = NewDisposeScope(); // as the trainer, the scorer and the generator run
            bad.train();
            new GradientStep(bad, optimizer, 1.0).Take(tokens, positions, 1e-3, 0);
            bad.eval();
            scorer.LogProbs([[1, 5, 9, 4, 2], [1, 7, 8]]);
            using var cachedGood = new CachedLlama(good);
            using var cachedBad = new CachedLlama(bad);
            var prompts = PromptBatch.Build([(0, [1, 5, 9, 4]), (1, [1, 22])], 4, 2);
            new GenerationLoop(cachedGood, cachedBad, contrastive, truncation, CPU).Run(prompts, 4, round);
        }
        Assert.True(hammer.Collections >= Rounds / 10, $"only {hammer.Collections} collections ran beside {Rounds} rounds");
    }

    [Fact]
    public void OurCode_PassesNoScalarThatNothingHolds()
    {
        var offences = CallSites.MethodsOf(typeof(Llama).Assembly).SelectMany(Offences).ToList();

        Assert.True(offences.Count == 0, "hold these Scalars (Scalars.One, or `using var s = value.ToScalar()`):\n" +
            string.Join("\n", offences));
    }

    [Fact]
    public void TheCheck_FindsAConvertedNumberAndAnAddition()
    {
        var offences = Offences(typeof(ScalarLifetimeTests).GetMethod(nameof(Unheld), BindingFlags.NonPublic | BindingFlags.Static)!).ToList();
        var clean = Offences(typeof(ScalarLifetimeTests).GetMethod(nameof(Held), BindingFlags.NonPublic | BindingFlags.Static)!);

        Assert.Equal(2, offences.Count);
        Assert.Contains(offences, o => o.Contains("op_Implicit(Double)"));
        Assert.Contains(offences, o => o.Contains("op_Addition(Tensor, Tensor)"));
        Assert.Empty(clean);
    }

    static Tensor Unheld(Tensor x, Tensor y) => x.mul(0.5) + y;

    static Tensor Held(Tensor x, Tensor y)
    {
        using var half = 0.5.ToScalar();
        return (x * half).add(y, Scalars.One);
    }

    /// <summary>
    /// Calls in <paramref name="method"/> that make a Scalar nothing holds: a number converted to a Scalar or a Tensor
    /// at the call, or a TorchSharp method that converts one inside (Tensor + Tensor passes an alpha of 1).
    /// </summary>
    static IEnumerable<string> Offences(MethodBase method) =>
        CallSites.Of(method)
            .Where(c => c.Name == "op_Implicit" && (c.DeclaringType == typeof(Scalar) || c.DeclaringType == typeof(Tensor)) ||
                        ConvertingInside.Value.Contains(c))
            .Select(c => $"{method.DeclaringType}.{method.Name} calls {c.DeclaringType!.Name}.{c}");

    /// <summary>TorchSharp methods that convert a number to a Scalar, directly or through the methods they call.</summary>
    static readonly Lazy<HashSet<MethodBase>> ConvertingInside = new(() =>
    {
        var all = CallSites.MethodsOf(typeof(Scalar).Assembly).ToList();
        var calls = all.ToDictionary(m => m, m => CallSites.Of(m).ToList());
        var converting = all.Where(m => calls[m].Any(c => c.Name == "op_Implicit" && c.DeclaringType == typeof(Scalar))).ToHashSet();
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var m in all.Where(m => !converting.Contains(m) && calls[m].Any(converting.Contains)))
                grew |= converting.Add(m);
        }
        return converting;
    });

    /// <summary>Collects garbage and runs finalizers on its own thread until disposed.</summary>
    sealed class CollectionHammer : IDisposable
    {
        readonly Thread thread;
        volatile bool stop;

        public CollectionHammer()
        {
            thread = new Thread(() =>
            {
                while (!stop)
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    Collections++;
                }
            });
            thread.Start();
        }

        public int Collections { get; private set; }

        public void Dispose()
        {
            stop = true;
            thread.Join();
        }
    }
}
