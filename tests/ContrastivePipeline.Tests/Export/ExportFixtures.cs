using ContrastivePipeline.Model;
using ContrastivePipeline.Tests.Tokenization;
using ContrastivePipeline.Tokenization;

namespace ContrastivePipeline.Tests.Export;

/// <summary>A small real tokenizer (BPE on the tiny corpus) and a tiny model shape with its vocabulary.</summary>
internal static class ExportFixtures
{
    static readonly Lazy<BpeVocabulary> Vocabulary = new(() => BpeTrainer.Train(TinyCorpus.All.Take(60).ToList(), 300, threads: 1));

    /// <summary>Writes the tokenizer files into <paramref name="folder"/>, as the Tokenize step does; returns the vocabulary size.</summary>
    public static int WriteTokenizer(string folder)
    {
        Directory.CreateDirectory(folder);
        BpeFiles.Write(folder, Vocabulary.Value);
        return BpeEncoder.Load(folder).VocabSize;
    }

    public static ModelShape Shape(int vocab) => new(Layers: 2, Hidden: 16, Heads: 2, Intermediate: 32, Context: 12, Vocab: vocab);

    /// <summary>The Hugging Face LlamaForCausalLM parameter names, written out from transformers' module tree.</summary>
    public static IEnumerable<string> HuggingFaceKeys(int layers) =>
    [
        "model.embed_tokens.weight",
        .. Enumerable.Range(0, layers).SelectMany(i => new[]
        {
            "self_attn.q_proj", "self_attn.k_proj", "self_attn.v_proj", "self_attn.o_proj",
            "mlp.gate_proj", "mlp.up_proj", "mlp.down_proj", "input_layernorm", "post_attention_layernorm",
        }.Select(m => $"model.layers.{i}.{m}.weight")),
        "model.norm.weight",
        "lm_head.weight",
    ];
}
