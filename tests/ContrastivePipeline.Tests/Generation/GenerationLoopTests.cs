using ContrastivePipeline.Generation;
using ContrastivePipeline.Model;
using ContrastivePipeline.Tests.Model;
using static TorchSharp.torch;

namespace ContrastivePipeline.Tests.Generation;

[Collection(TorchCollection.Name)]
public sealed class GenerationLoopTests
{
    const int Seed = 11, NewTokens = 10, PrefixTokens = 6;
    static readonly ModelShape Shape = TinyModels.Shape with { Context = 32 };

    // Different lengths: two shorter than the prefix (left-padded), one cut to it.
    static readonly (int Index, int[] Tokens)[] Prompts = [(0, [1, 5, 9, 4]), (1, [1, 7, 8, 20, 30, 31, 12, 6]), (2, [1, 22])];

    static readonly Truncation Off = new(null, null, -20);

    static Llama NewModel(int seed)
    {
        manual_seed(seed);
        var model = new Llama(Shape);
        model.eval();
        return model;
    }

    static GeneratedBatch Fast(Llama good, Llama? bad, Decoding decoding, Truncation truncation, int continuations = 2)
    {
        using var cachedGood = new CachedLlama(good);
        using var cachedBad = bad is null ? null : new CachedLlama(bad);
        var batch = PromptBatch.Build(Prompts, PrefixTokens, continuations);
        return new GenerationLoop(cachedGood, cachedBad, decoding, truncation, CPU).Run(batch, NewTokens, Seed);
    }

    static void AssertSameAsSlow(Llama good, Llama? bad, Decoding decoding, Truncation truncation)
    {
        var fast = Fast(good, bad, decoding, truncation);
        for (var r = 0; r < fast.Prompts.Rows.Count; r++)
        {
            var (prompt, continuation, prefix) = fast.Prompts.Rows[r];
            var slow = SlowGeneration.Sample(good, bad, decoding, truncation, prefix,
                RowStream.Uniforms(Seed, prompt, continuation, NewTokens));
            Assert.Equal(slow, fast.Tokens[r]);
        }
    }

    [Fact]
    public void CachedGreedyGeneration_EqualsFullRecompute_TokenForToken()
    {
        using var good = NewModel(1);

        AssertSameAsSlow(good, null, new AncestralDecoding(1.0), new Truncation(TopK: 1, null, double.NegativeInfinity));
    }

    [Fact]
    public void CachedSampling_EqualsFullRecompute_ForAFixedStreamWithPaddedPrompts()
    {
        using var good = NewModel(2);

        AssertSameAsSlow(good, null, new AncestralDecoding(1.0), Off);
    }

    [Fact]
    public void CachedContrastiveSampling_EqualsFullRecompute_WithTopKAndTopP()
    {
        using var good = NewModel(3);
        using var bad = NewModel(4);

        AssertSameAsSlow(good, bad, new ContrastiveDecoding(0.8, 0.05, 1.0, -20), new Truncation(20, 0.95, -20));
        AssertSameAsSlow(good, null, new HeadOnlyDecoding(1.0, 0.1, -20), Off);
    }

    [Fact]
    public void ContrastiveWithLambda0AndNoHead_EqualsAncestral()
    {
        using var good = NewModel(5);
        using var bad = NewModel(6);

        var ancestral = Fast(good, null, new AncestralDecoding(1.0), Off);
        var contrastive = Fast(good, bad, new ContrastiveDecoding(1.0, alpha: 0.0, lambda: 0.0, -20), Off);

        Assert.Equal(ancestral.Tokens, contrastive.Tokens);
        Assert.Equal(0, contrastive.OutsideHead);
    }

    [Fact]
    public void ALeftPaddedPrompt_GivesTheLogitsAndTokensOfTheSamePromptUnpadded()
    {
        using var llama = NewModel(7);
        using var model = new CachedLlama(llama);
        int[] prompt = [1, 5, 9, 4];
        using var _ = no_grad();

        var padded = PromptBatch.Build([(0, prompt), (1, [1, 2, 3, 4, 5, 6, 7, 8])], prefixTokens: 8, continuations: 1);
        var alone = PromptBatch.Build([(0, prompt)], prefixTokens: prompt.Length, continuations: 1);
        using var paddedLogits = Prefill(model, padded);
        using var aloneLogits = Prefill(model, alone);
        using var full = llama.call(tensor(prompt.Select(t => (long)t).ToArray(), [1, prompt.Length]), Llama.Positions(prompt.Length, CPU));

        Assert.True(paddedLogits[0].allclose(aloneLogits[0], rtol: 1e-4, atol: 1e-5));
        Assert.True(aloneLogits[0].allclose(full[0, -1], rtol: 1e-4, atol: 1e-5));
        var loop = new GenerationLoop(model, null, new AncestralDecoding(1.0), Off, CPU);
        Assert.Equal(loop.Run(alone, NewTokens, Seed).Tokens[0], loop.Run(padded, NewTokens, Seed).Tokens[0]);
    }

    [Fact]
    public void ASample_DoesNotDependOnItsBatch()
    {
        using var good = NewModel(8);
        using var cached = new CachedLlama(good);
        var loop = new GenerationLoop(cached, null, new AncestralDecoding(1.0), Off, CPU);

        var together = loop.Run(PromptBatch.Build(Prompts, PrefixTokens, 2), NewTokens, Seed);
        var last = loop.Run(PromptBatch.Build(Prompts[2..], PrefixTokens, 2), NewTokens, Seed);

        Assert.Equal(together.Tokens[4..], last.Tokens);
        Assert.NotEqual(together.Tokens[4], together.Tokens[5]); // continuations have their own streams
    }

    [Fact]
    public void ADropoutBad_IsStochastic_AndGoodIsNot()
    {
        using var llama = NewModel(9);
        using var plain = new CachedLlama(llama);
        using var noisy = new CachedLlama(llama, attentionDropout: 0.5);
        using var _ = no_grad();
        var batch = PromptBatch.Build(Prompts, PrefixTokens, 1);

        Assert.True(Tensors.Same(Prefill(plain, batch), Prefill(plain, batch)));
        Assert.False(Prefill(noisy, batch).allclose(Prefill(noisy, batch)));
    }

    static Tensor Prefill(CachedLlama model, PromptBatch batch)
    {
        var (rows, length) = (batch.Rows.Count, batch.Length);
        using var cache = model.NewCache(rows, length, CPU);
        var mask = GenerationLoop.Masks(tensor(batch.Real, [rows, length]), newTokens: 0).Prefill;
        return model.Forward(tensor(batch.Tokens, [rows, length]), tensor(batch.Positions, [rows, length]), mask, cache);
    }

    /// <summary>
    /// The replication study's ancestral corpus came out different with 1 and 2 threads per step (3 of its 1,440
    /// continuations: a logit that moved in its last bits flipped one draw). The loop computes with one intra-op
    /// thread whatever the process was given, so the logits, hence every draw, are the same under any `--jobs`.
    /// </summary>
    [Fact]
    public void LogitsOfEveryStep_AreBitwiseTheSame_WhateverTheProcessThreadCount()
    {
        var shape = new ModelShape(Layers: 4, Hidden: 128, Heads: 4, Intermediate: 512, Context: 128, Vocab: 4096); // replication.yaml's
        manual_seed(5);
        using var model = new Llama(shape);
        model.eval();
        using var cached = new CachedLlama(model);
        (int, int[])[] prompts = [.. Enumerable.Range(0, 8).Select(i => (i, Enumerable.Range(0, 20).Select(t => 1 + ((i * 31) + (t * 7)) % 4000).ToArray()))];
        var batch = PromptBatch.Build(prompts, 20, 8);
        var threads = get_num_threads();
        try
        {
            List<float[]> Logits(int count)
            {
                set_num_threads(count);
                var recording = new RecordingDecoding();
                new GenerationLoop(cached, null, recording, Off, CPU).Run(batch, 4, Seed);
                Assert.Equal(count, get_num_threads()); // the process's count is back once the loop returns
                return recording.Logits;
            }
            var one = Logits(1);
            var two = Logits(2);
            Assert.Equal(4, one.Count);
            for (var step = 0; step < one.Count; step++)
                Assert.True(one[step].AsSpan().SequenceEqual(two[step]), $"step {step}: logits differ between 1 and 2 threads");
        }
        finally
        {
            set_num_threads(threads);
        }
    }

    /// <summary>Ancestral sampling that keeps a copy of GOOD's logits at every step.</summary>
    sealed class RecordingDecoding() : Decoding(1.0)
    {
        readonly AncestralDecoding sampling = new(1.0);

        public List<float[]> Logits { get; } = [];

        public override (Tensor Scores, Tensor? Head) Scores(Tensor good, Tensor? bad)
        {
            Logits.Add(good.data<float>().ToArray());
            return sampling.Scores(good, bad);
        }
    }
}
