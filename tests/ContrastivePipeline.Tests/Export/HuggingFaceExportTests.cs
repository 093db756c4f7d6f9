using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContrastivePipeline.Export;
using ContrastivePipeline.Model;
using ContrastivePipeline.Tests.Model;
using ContrastivePipeline.Tests.Support;
using ContrastivePipeline.Tokenization;
using Snapshooter.Xunit;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace ContrastivePipeline.Tests.Export;

[Collection(TorchCollection.Name)]
public sealed class HuggingFaceExportTests : IDisposable
{
    readonly TempFolder temp = new();
    readonly ModelShape shape;
    readonly Llama model;
    readonly string tokenizer, output;

    public HuggingFaceExportTests()
    {
        tokenizer = Path.Combine(temp.Path, "tokens");
        output = Path.Combine(temp.Path, "hf");
        shape = ExportFixtures.Shape(ExportFixtures.WriteTokenizer(tokenizer));
        manual_seed(3);
        model = new Llama(shape);
        // Larger than the N(0, 0.02) start and norm gains off 1, so that attention is far from uniform and a wrong
        // RoPE, head count or norm shows in the logits.
        using (no_grad())
            foreach (var p in model.parameters())
                _ = p.dim() == 1 ? p.normal_(1.0, 0.1) : p.normal_(0.0, 0.3);
        HuggingFaceExport.Write(model, tokenizer, output);
    }

    public void Dispose()
    {
        model.Dispose();
        temp.Dispose();
    }

    JsonObject ReadJson(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(output, file)))!.AsObject();

    [Fact]
    public void Safetensors_HoldExactlyTheHuggingFaceKeys_AsContiguousFp32WithPtMetadata()
    {
        var header = SafetensorsHeader.Read(Path.Combine(output, HuggingFaceExport.WeightsFile));

        Assert.Equal(ExportFixtures.HuggingFaceKeys(shape.Layers).Order(StringComparer.Ordinal), header.TensorNames.Order(StringComparer.Ordinal));
        Assert.Equal("pt", header.Json["__metadata__"]!["format"]!.GetValue<string>());
        Assert.Equal(0, header.HeaderLength % 8);
        var state = model.state_dict();
        long end = 0;
        foreach (var name in header.TensorNames.OrderBy(n => header.Entry(n).Begin))
        {
            var (dtype, dims, begin, stop) = header.Entry(name);
            Assert.Equal(("F32", end, state[name].NumberOfElements * 4), (dtype, begin, stop - begin));
            Assert.Equal(state[name].shape, dims);
            end = stop;
        }
        Assert.Equal(8 + header.HeaderLength + end, header.FileLength);
    }

    [Fact]
    public void WeightsReadBackByPyBridgeIntoAFreshModel_AreBitIdentical()
    {
        manual_seed(99);
        using var loaded = new Llama(shape);

        loaded.load_safetensors(Path.Combine(output, HuggingFaceExport.WeightsFile), strict: true);

        var expected = model.state_dict();
        var actual = loaded.state_dict();
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (name, tensor) in expected)
            Assert.True(Tensors.Same(tensor, actual[name]), $"{name} differs after the round trip");
        using var tokens = tensor(new long[] { 1, 40, 41, 42, 2 }).unsqueeze(0);
        using var positions = Llama.Positions(5, CPU);
        using var a = model.call(tokens, positions);
        loaded.eval();
        using var b = loaded.call(tokens, positions);
        Assert.True(Tensors.Same(a, b));
    }

    [Fact]
    public void Config_IsALlamaConfigOfTheModelShape_WithThePaperSpecialTokens()
    {
        var config = ReadJson(HuggingFaceExport.ConfigFile);

        Assert.Equal(["LlamaForCausalLM"], config["architectures"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(("llama", "silu", "float32"),
            (Text(config, "model_type"), Text(config, "hidden_act"), Text(config, "torch_dtype")));
        Assert.Equal((shape.Vocab, 16, 32, 2, 2, 2, 8, 2048),
            (Int(config, "vocab_size"), Int(config, "hidden_size"), Int(config, "intermediate_size"), Int(config, "num_hidden_layers"),
             Int(config, "num_attention_heads"), Int(config, "num_key_value_heads"), Int(config, "head_dim"), Int(config, "max_position_embeddings")));
        Assert.Equal((1e-6, 10000.0), (config["rms_norm_eps"]!.GetValue<double>(), config["rope_theta"]!.GetValue<double>()));
        Assert.Equal((false, false, false),
            (Bool(config, "tie_word_embeddings"), Bool(config, "attention_bias"), Bool(config, "mlp_bias")));
        Assert.Equal((1, 2, 3), (Int(config, "bos_token_id"), Int(config, "eos_token_id"), Int(config, "pad_token_id")));
        var generation = ReadJson(HuggingFaceExport.GenerationConfigFile);
        Assert.Equal((1, 2, 3), (Int(generation, "bos_token_id"), Int(generation, "eos_token_id"), Int(generation, "pad_token_id")));
    }

    [Fact]
    public void SmallJsonFiles_MatchTheSnapshot()
    {
        string[] files = [HuggingFaceExport.ConfigFile, HuggingFaceExport.GenerationConfigFile, TokenizerExport.ConfigFile, TokenizerExport.SpecialTokensFile];

        Snapshot.Match(files.Select(file => $"{file}:\n{File.ReadAllText(Path.Combine(output, file))}").ToList());
    }

    [Fact]
    public void Tokenizer_KeepsTheVocabularyAndMerges_AndAddsBosInFront()
    {
        var source = JsonNode.Parse(File.ReadAllText(Path.Combine(tokenizer, BpeFiles.Tokenizer)))!;
        var exported = ReadJson(BpeFiles.Tokenizer);

        Assert.True(JsonNode.DeepEquals(source["model"], exported["model"]));
        Assert.True(JsonNode.DeepEquals(source["added_tokens"], exported["added_tokens"]));
        Assert.True(JsonNode.DeepEquals(source["pre_tokenizer"], exported["pre_tokenizer"]));
        var single = exported["post_processor"]!["single"]!.AsArray();
        Assert.Equal("<s>", single[0]!["SpecialToken"]!["id"]!.GetValue<string>());
        Assert.Equal("A", single[1]!["Sequence"]!["id"]!.GetValue<string>());
        Assert.Equal(1, exported["post_processor"]!["special_tokens"]!["<s>"]!["ids"]![0]!.GetValue<int>());

        var config = ReadJson(TokenizerExport.ConfigFile);
        Assert.Equal(("PreTrainedTokenizerFast", "<s>", "</s>", "<unk>", "<pad>", 2048),
            (Text(config, "tokenizer_class"), Text(config, "bos_token"), Text(config, "eos_token"), Text(config, "unk_token"),
             Text(config, "pad_token"), Int(config, "model_max_length")));
        Assert.True(Bool(config, "add_bos_token"));
        Assert.Equal("<pad>", Text(ReadJson(TokenizerExport.SpecialTokensFile), "pad_token"));
    }

    [PyTorchFact]
    public void PythonReferenceForward_MatchesOurLogits()
    {
        long[] ids = [1, 40, 41, 42, 7, 250, 2];
        var script = Path.Combine(Repo.Root, "tests", "ContrastivePipeline.Tests", "Export", "hf_llama_reference.py");
        var start = new ProcessStartInfo(PyTorchFactAttribute.Python!, [script, output, string.Join(",", ids)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr);
        var reference = JsonSerializer.Deserialize<float[][]>(stdout)!;

        using var tokens = tensor(ids).unsqueeze(0);
        using var positions = Llama.Positions(ids.Length, CPU);
        using var ours = model.call(tokens, positions)[0];                              // [T, V]
        using var theirs = tensor(reference.SelectMany(row => row).ToArray(), [ids.Length, shape.Vocab]);
        var largest = (ours - theirs).abs().max().item<float>();
        var scale = theirs.abs().max().item<float>();
        Assert.True(largest < 1e-5f * scale, $"largest logit difference {largest} at logit scale {scale}");
    }

    static string Text(JsonObject o, string key) => o[key]!.GetValue<string>();

    static int Int(JsonObject o, string key) => o[key]!.GetValue<int>();

    static bool Bool(JsonObject o, string key) => o[key]!.GetValue<bool>();
}
