using System.Text.Json;
using ContrastivePipeline.Configuration;
using ContrastivePipeline.Steps;
using YamlDotNet.RepresentationModel;

namespace ContrastivePipeline.Tests.Generation;

public sealed class GenerateConfigTests
{
    static GenerateConfig Bind(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var binder = new YamlBinder();
        var config = binder.Bind<GenerateConfig>((YamlMappingNode)stream.Documents[0].RootNode);
        Assert.Empty(binder.Errors);
        return config;
    }

    [Fact]
    public void PaperSettings_BindWithAnInfinitePenalty_AndValidate()
    {
        var config = Bind("prefix_tokens: 20\ncontinuations: 8\nnew_tokens: 400\nmax_prompts: null\npenalty: -inf\ntop_p: 0.95\n");

        Assert.Equal(double.NegativeInfinity, config.Penalty);
        Assert.Null(config.MaxPrompts);
        Assert.Equal(0.95, config.TopP);
        Assert.Empty(config.Validate());
    }

    [Fact]
    public void SettingsWithAnInfinitePenalty_SurviveTheSpecJson()
    {
        var settings = new GenerateSettings(new GenerateConfig { Penalty = double.NegativeInfinity }, DecodingStrategy.Named("head-only"),
            1000, new BadCheckpoint(1000, 0.7), 42);

        var json = JsonSerializer.Serialize(settings, Json.Options);

        Assert.Equal(settings, JsonSerializer.Deserialize<GenerateSettings>(json, Json.Options));
        Assert.Contains("\"head-only\"", json);
    }

    [Fact]
    public void OutOfRangeValues_AreReportedByKey()
    {
        var config = new GenerateConfig { Continuations = 0, Alpha = 1, Penalty = 0, TopK = 0, TopP = 1.5, Shards = 0 };

        Assert.Equal(["continuations", "alpha", "penalty", "top_k", "top_p", "shards"], config.Validate().Select(e => e.Key).ToArray());
    }
}
