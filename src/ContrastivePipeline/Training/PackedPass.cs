using ContrastivePipeline.Tokenization;

namespace ContrastivePipeline.Training;

/// <summary>
/// One pass over a stream: its documents in a seeded order, packed back to back into blocks, so that a block may end
/// in one document and go on with the next (as the authors' packing does). Holds the order and where each document
/// starts in the packed pass, 12 bytes a document; the tokens stay in the mapped shard.
/// </summary>
internal sealed class PackedPass
{
    readonly DocumentShard documents;
    readonly int[] order;
    readonly long[] starts;

    public PackedPass(DocumentShard documents, int seed)
    {
        this.documents = documents;
        order = Enumerable.Range(0, documents.Count).ToArray();
        new Random(seed).Shuffle(order);
        starts = new long[order.Length + 1];
        for (var i = 0; i < order.Length; i++)
            starts[i + 1] = starts[i] + documents.Length(order[i]);
    }

    /// <summary>The documents in the order this pass packs them.</summary>
    public IReadOnlyList<int> Order => order;

    /// <summary>
    /// Block <paramref name="index"/> of <paramref name="destination"/>.Length tokens. Only the pass's last block can
    /// run out of text; its rest is &lt;pad&gt;, which carries no loss (the authors' -100 labels).
    /// </summary>
    public void CopyBlock(long index, Span<long> destination)
    {
        var at = index * destination.Length;
        var document = Array.BinarySearch(starts, at);
        if (document < 0)
            document = ~document - 1; // the document that contains token 'at'
        var filled = 0;
        while (filled < destination.Length && document < order.Length)
        {
            var from = (int)(at + filled - starts[document]);
            var take = Math.Min(destination.Length - filled, documents.Length(order[document]) - from);
            documents.Copy(order[document], from, destination.Slice(filled, take));
            filled += take;
            document++;
        }
        destination[filled..].Fill(SpecialTokens.Pad);
    }
}
