using ContrastivePipeline.Configuration;
using ContrastivePipeline.Contracts;
using ContrastivePipeline.Model;
using ContrastivePipeline.Tests.Tokenization;
using ContrastivePipeline.Tokenization;
using ContrastivePipeline.Training;
using static TorchSharp.torch;

namespace ContrastivePipeline.Tests.Generation;

/// <summary>
/// A Tokenize-like folder (a small BPE, prompts.bin with long and short seeds) and a run folder with random-weight
/// checkpoints at steps 2 (the early BAD) and 4 (GOOD), as the Generate step finds them in the store.
/// </summary>
public sealed class GenerateFixture : IDisposable
{
    public const int GoodStep = 4, BadStep = 2, Prompts = 7;

    public GenerateFixture()
    {
        var documents = TinyCorpus.All.Take(40).ToList();
        BpeFiles.Write(Tokens, BpeTrainer.Train(documents, 300, threads: 1));
        var encoder = BpeEncoder.Load(Tokens);
        List<int[]> prompts = [.. TinyCorpus.All.Skip(40).Take(Prompts - 2).Select(encoder.EncodePrompt), encoder.EncodePrompt("The dog"), [SpecialTokens.Bos]];
        PromptShard.Write(Path.Combine(Tokens, TokenizeContract.PromptShard), prompts, encoder.VocabSize, encoder.Hash);
        var shape = new ModelShape(Layers: 2, Hidden: 16, Heads: 2, Intermediate: 32, Context: 64, Vocab: encoder.VocabSize);
        foreach (var step in new[] { BadStep, GoodStep })
        {
            manual_seed(step);
            using var model = new Llama(shape);
            using var optimizer = new AdamW(model.parameters(), 0.1);
            Checkpoints.Write(Run, model, optimizer, new CheckpointState(step, 0, 0, 42, shape, new TrainConfig(), Checkpoints.CaptureRng()));
        }
    }

    public string Root { get; } = Directory.CreateTempSubdirectory("generate-").FullName;

    public string Tokens => Directory.CreateDirectory(Path.Combine(Root, "tokens")).FullName;

    public string Run => Directory.CreateDirectory(Path.Combine(Root, "run")).FullName;

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
