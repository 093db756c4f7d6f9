using ContrastivePipeline.Build.Planning;

namespace ContrastivePipeline.Tests.Build.Planning;

public sealed class SettingsDiffTests
{
    [Fact]
    public void Describe_NamesEachChangedValueByItsPath_WithOldAndNew()
    {
        const string old = """{"model":{"layers":2,"hidden":64},"train":{"steps":40},"steps":[10,20],"bad":[{"step":10}]}""";
        const string now = """{"model":{"layers":2,"hidden":128},"train":{"steps":40},"steps":[10,20,30],"bad":[{"step":20}],"seed":1}""";

        Assert.Equal("bad[0].step 10 -> 20, model.hidden 64 -> 128, seed (none) -> 1, steps [10,20] -> [10,20,30]",
            SettingsDiff.Describe(old, now));
    }

    [Fact]
    public void Describe_SameValues_SaysSo() =>
        Assert.Equal("(the same values)", SettingsDiff.Describe("""{"a":1}""", """{"a":1}"""));
}
