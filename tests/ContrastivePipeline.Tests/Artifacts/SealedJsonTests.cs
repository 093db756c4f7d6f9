using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.Artifacts;

public sealed class SealedJsonTests
{
    sealed record Sample(long Step, double Loss, string RngState);

    static readonly Sample Value = new(20, 3.141592653589793, "AAECAwQFBgcICQ==");

    [Fact]
    public void AWrittenFile_ReadsBack_WithNoDamage()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "state.json");
        SealedJson.Write(path, Value);

        Assert.Null(SealedJson.Damage(path));
        Assert.Equal(Value, SealedJson.Read<Sample>(path));
        Assert.Equal(Value, Json.Read<Sample>(path)); // a reader that does not check ignores the seal
    }

    [Theory]
    [InlineData("\"step\": 20", "\"step\": 21")]
    [InlineData("3.141592653589793", "3.141592653589794")]
    [InlineData("AAECAwQFBgcICQ==", "AAECAwQFBgcICR==")]
    public void AChangedValueThatStillParses_DoesNotMatchItsSeal(string before, string after)
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "state.json");
        SealedJson.Write(path, Value);
        File.WriteAllText(path, File.ReadAllText(path).Replace(before, after));

        Assert.Equal("state.json does not match its seal", SealedJson.Damage(path));
        Assert.Throws<InvalidDataException>(() => SealedJson.Read<Sample>(path));
    }

    [Fact]
    public void ChangedLayout_KeepsTheSeal_AndAMissingOrBrokenSeal_IsDamage()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "state.json");
        SealedJson.Write(path, Value);
        var text = File.ReadAllText(path);

        File.WriteAllText(path, text.Replace("\n  ", "\n\t"));
        Assert.Null(SealedJson.Damage(path));

        Json.Write(path, Value);
        Assert.Equal("state.json has no seal", SealedJson.Damage(path));

        File.WriteAllText(path, text[..(text.Length / 2)]);
        Assert.Equal("state.json cannot be read", SealedJson.Damage(path));
    }
}
