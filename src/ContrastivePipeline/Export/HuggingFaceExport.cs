using System.Text.Json.Nodes;
using ContrastivePipeline.Model;
using ContrastivePipeline.Tokenization;

namespace ContrastivePipeline.Export;

/// <summary>
/// Writes a model as a Hugging Face <c>LlamaForCausalLM</c> folder that <c>from_pretrained</c> and the BabyLM
/// evaluation pipeline load: <c>config.json</c>, <c>generation_config.json</c>, <c>model.safetensors</c> (fp32, the
/// state dict as it is: our parameter names are the HF ones) and the tokenizer files.
/// </summary>
internal static class HuggingFaceExport
{
    public const string ConfigFile = "config.json", GenerationConfigFile = "generation_config.json", WeightsFile = "model.safetensors";

    public static void Write(Llama model, string tokenizerFolder, string outputFolder)
    {
        Directory.CreateDirectory(outputFolder);
        var config = LlamaConfigJson.From(model.Shape);
        Json.Write(Path.Combine(outputFolder, ConfigFile), config);
        Json.Write(Path.Combine(outputFolder, GenerationConfigFile), new JsonObject
        {
            ["bos_token_id"] = SpecialTokens.Bos,
            ["eos_token_id"] = SpecialTokens.Eos,
            ["pad_token_id"] = SpecialTokens.Pad,
        });
        var state = model.state_dict();
        Safetensors.Write(Path.Combine(outputFolder, WeightsFile), state);
        TokenizerExport.Write(tokenizerFolder, outputFolder, config.MaxPositionEmbeddings);
    }
}
