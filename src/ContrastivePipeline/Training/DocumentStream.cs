using ContrastivePipeline.Steps;
using ContrastivePipeline.Tokenization;

namespace ContrastivePipeline.Training;

/// <summary>
/// One training stream (real or synthetic) as the authors' <c>train_llama_steps.py</c> reads it (PAPER.md 3.3): the
/// documents are shuffled with the run seed and packed into blocks, the blocks are trimmed to whole steps of
/// <c>rowsPerStep</c>, and when the stream runs out its documents are shuffled again, with the seed plus the steps
/// completed so far, and packed again. A block depends only on the seed and the step, so a resumed run reads exactly
/// what an uninterrupted one would.
/// </summary>
internal sealed class DocumentStream
{
    readonly DocumentShard documents;
    readonly int rowsPerStep, blockLength, seed;
    long pass = -1;
    PackedPass? packed;

    public DocumentStream(DocumentShard documents, int rowsPerStep, int blockLength, int seed)
    {
        (this.documents, this.rowsPerStep, this.blockLength, this.seed) = (documents, rowsPerStep, blockLength, seed);
        var blocks = (documents.Tokens + blockLength - 1) / blockLength;
        StepsPerPass = blocks / rowsPerStep;
        if (StepsPerPass < 1)
            throw new StepException($"{documents.Path} packs into {blocks} blocks of {blockLength} tokens, fewer than the " +
                $"{rowsPerStep} rows a step takes from it: more text, a shorter model.context or fewer rows per step");
    }

    /// <summary>Whole steps in one pass; the blocks after the last whole step are dropped, as the authors trim.</summary>
    public long StepsPerPass { get; }

    /// <summary>The seed a pass shuffles with: the run seed, then the run seed plus the steps completed before it.</summary>
    public int SeedOf(long pass) => unchecked(seed + (int)(pass * StepsPerPass));

    /// <summary>The pass that step <paramref name="step"/> reads from, packed on first use.</summary>
    public PackedPass Pass(long step)
    {
        var wanted = step / StepsPerPass;
        if (wanted != pass || packed is null)
        {
            packed = new PackedPass(documents, SeedOf(wanted));
            pass = wanted;
        }
        return packed;
    }

    /// <summary>Writes row <paramref name="row"/> (of <c>rowsPerStep</c>) of step <paramref name="step"/> into <paramref name="destination"/>.</summary>
    public void CopyRow(long step, int row, Span<long> destination)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, rowsPerStep);
        Pass(step).CopyBlock(step % StepsPerPass * rowsPerStep + row, destination[..blockLength]);
    }
}
