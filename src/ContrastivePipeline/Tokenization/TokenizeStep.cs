using System.Diagnostics;
using ContrastivePipeline.Contracts;
using ContrastivePipeline.Corpus;
using ContrastivePipeline.Steps;

namespace ContrastivePipeline.Tokenization;

/// <summary>
/// Tokenize: trains BPE (byte-level, or the paper's SentencePiece kind) on the training text only, writes it in the Hugging Face formats, and encodes the
/// three document sets into shards: training documents, seed prompts, perplexity blocks (PAPER.md 3.2).
/// </summary>
internal sealed class TokenizeStep : IStep
{
    public string Name => TokenizeContract.Step;

    public void Run(StepContext context)
    {
        var settings = context.Settings<TokenizeSettings>();
        if (settings.Context < 1)
            throw new StepException($"tokenize: context length {settings.Context} is not positive; set model.context in the experiment file");
        var corpus = context.Input(TokenizeContract.Corpus);
        var train = Read(corpus, CorpusContract.TrainFile, mustHaveDocuments: true);
        var prompts = Read(corpus, CorpusContract.PromptsFile, mustHaveDocuments: false);
        var perplexity = Read(corpus, CorpusContract.PerplexityFile, mustHaveDocuments: false);

        var clock = Stopwatch.StartNew();
        var kind = BpeKind.For(settings.Tokenizer.Kind);
        var vocabulary = BpeTrainer.Train(train, settings.Tokenizer.VocabSize, context.Threads, kind);
        var trainSeconds = clock.Elapsed.TotalSeconds;
        context.Log($"trained {settings.Tokenizer.Kind} BPE on {train.Count:N0} documents in {trainSeconds:F1} s: {vocabulary.Tokens.Count:N0} tokens, " +
            $"{vocabulary.Merges.Count:N0} merges");
        if (vocabulary.Tokens.Count < settings.Tokenizer.VocabSize)
            context.Log($"note: the training text supports only {vocabulary.Tokens.Count:N0} of {settings.Tokenizer.VocabSize:N0} tokens " +
                $"(no pair left that occurs {BpeTrainer.MinCount} times)");
        BpeFiles.Write(context.OutputFolder, vocabulary, kind);
        var encoder = BpeEncoder.Load(context.OutputFolder);

        var counts = new TokenizeCounts(settings.Tokenizer.VocabSize, encoder.VocabSize, vocabulary.Merges.Count, trainSeconds,
            Train: WriteDocuments(context, encoder, train, TokenizeContract.TrainShard),
            Prompts: WritePrompts(context, encoder, prompts),
            Perplexity: WritePerplexity(context, encoder, perplexity, Json.Read<List<SourceDocuments>>(Path.Combine(corpus, CorpusContract.PerplexitySourcesFile)),
                settings.Context));
        Json.Write(context.Output(TokenizeContract.CountsFile), counts);
    }

    static List<string> Read(string corpus, string file, bool mustHaveDocuments)
    {
        var path = Path.Combine(corpus, file);
        if (!File.Exists(path))
            throw new StepException($"{path} is missing: the corpus input must be a Corpus step folder; re-run the Corpus step");
        var documents = Documents.Read(path);
        if (mustHaveDocuments && documents.Count == 0)
            throw new StepException($"{path} holds no documents: check the corpus sources (documents are separated by an empty line)");
        return documents;
    }

    /// <summary>Held-out text packed into blocks, and which blocks start in which source file (the strata of a sample).</summary>
    static EncodeCounts WritePerplexity(StepContext context, BpeEncoder encoder, List<string> documents, List<SourceDocuments> sources, int blockLength)
    {
        const string file = TokenizeContract.PerplexityShard;
        using var writer = new TokenShardWriter(context.Output(file), encoder.VocabSize, blockLength, encoder.Hash);
        var lengths = new List<int>(documents.Count);
        var counts = ParallelEncoder.Encode(documents, encoder.EncodeDocument, context.Threads, d => { writer.Append(d); lengths.Add(d.Length); },
            line => context.Log($"{file}: {line}"));
        writer.Complete();
        var strata = PerplexityStratum.Of(sources, lengths, blockLength);
        Json.Write(context.Output(TokenizeContract.PerplexityStrataFile), strata);
        context.Log($"{file}: {counts.Documents:N0} documents, {counts.Tokens:N0} tokens, {writer.Blocks:N0} blocks of " +
            $"{blockLength} from {strata.Count} file(s), {counts.TokensPerSecond:N0} tokens/s");
        return counts with { Blocks = writer.Blocks };
    }

    /// <summary>Training text stays in documents: the Train step shuffles them per run seed before packing (PAPER.md 3.3).</summary>
    static EncodeCounts WriteDocuments(StepContext context, BpeEncoder encoder, List<string> documents, string file)
    {
        using var writer = new DocumentShardWriter(context.Output(file), encoder.VocabSize, encoder.Hash);
        var counts = ParallelEncoder.Encode(documents, encoder.EncodeDocument, context.Threads, d => writer.Append(d),
            line => context.Log($"{file}: {line}"));
        writer.Complete();
        context.Log($"{file}: {counts.Documents:N0} documents, {counts.Tokens:N0} tokens, {counts.TokensPerSecond:N0} tokens/s");
        return counts;
    }

    static EncodeCounts WritePrompts(StepContext context, BpeEncoder encoder, List<string> documents)
    {
        var prompts = new List<int[]>(documents.Count);
        var counts = ParallelEncoder.Encode(documents, encoder.EncodePrompt, context.Threads, prompts.Add,
            line => context.Log($"{TokenizeContract.PromptShard}: {line}"));
        PromptShard.Write(context.Output(TokenizeContract.PromptShard), prompts, encoder.VocabSize, encoder.Hash);
        context.Log($"{TokenizeContract.PromptShard}: {prompts.Count:N0} prompts, {counts.Tokens:N0} tokens");
        return counts;
    }
}
