using ContrastivePipeline.Evaluation;
using ContrastivePipeline.Tests.Support;

namespace ContrastivePipeline.Tests.Evaluation;

public sealed class ZeroShotSuiteTests
{
    static void WriteOfficialFixture(TempFolder folder)
    {
        folder.File("blimp_filtered/anaphor.jsonl",
            """
            {"sentence_good": "Good one.", "sentence_bad": "Bad one.", "UID": "anaphor_agreement", "pair_id": 0}

            {"sentence_good": "Good two.", "sentence_bad": "Bad two.", "UID": "anaphor_agreement", "pair_id": 1}
            """);
        folder.File("supplement_filtered/turn_taking.jsonl",
            """{"sentence_good": "A: Hi.\nB: Hello.", "sentence_bad": "A: Hi.\nA: Hello."}""");
        folder.File("ewok_filtered/social.jsonl",
            """{"Domain": "social-relations", "Context1": "Ann is kind.", "Context2": "Ann is rude.", "Target1": "Ann helps.", "Target2": "Ann hurts."}""");
        folder.File("entity_tracking/regular.jsonl",
            """
            {"sample_id": 1, "numops": 0, "input_prefix": "Box 0 contains ", "options": ["the a.", "the b.", "the c.", "the d.", "the e."]}
            {"sample_id": 2, "numops": 2, "input_prefix": "Box 1 contains ", "options": ["the f.", "the g.", "the h.", "the i.", "the j."]}
            """);
        folder.File("wug_adj_nominalization/wug_adj_nominalization.jsonl",
            """{"sentences": "Make a noun: blick. blickity\tMake a noun: blick. blickness", "ratio": 0.5}""");
        folder.File("blimp_unfiltered_complement/extra.jsonl", """{"sentence_good": "x", "sentence_bad": "y"}""");
        folder.File("not_a_task/foo.jsonl", "this is not json");
    }

    [Fact]
    public void Load_ReadsEveryKnownFormat_AndIgnoresOtherFolders()
    {
        using var folder = new TempFolder();
        WriteOfficialFixture(folder);

        var items = ZeroShotSuite.Load(folder.Path);

        Assert.Equal(
            [(TaskNames.Blimp, 2), (TaskNames.BlimpSupplement, 1), (TaskNames.Ewok, 1), (TaskNames.EntityTracking, 2), (TaskNames.Wug, 1)],
            items.GroupBy(i => i.Task).Select(g => (g.Key, g.Count())));
        Assert.All(items, i => Assert.Equal(0, i.Label));

        var blimp = items.Where(i => i.Task == TaskNames.Blimp).ToList();
        Assert.Equal(["blimp_filtered/anaphor.jsonl:1", "blimp_filtered/anaphor.jsonl:3"], blimp.Select(i => i.Item));
        Assert.Equal(("anaphor_agreement", ""), (blimp[0].Group, blimp[0].Prefix));
        Assert.Equal(["Good one.", "Bad one."], blimp[0].Completions);

        var supplement = items.Single(i => i.Task == TaskNames.BlimpSupplement);
        Assert.Equal("turn_taking", supplement.Group);
        Assert.Equal(["A: Hi.\nB: Hello.", "A: Hi.\nA: Hello."], supplement.Completions);

        var ewok = items.Single(i => i.Task == TaskNames.Ewok);
        Assert.Equal(("social-relations", "Ann is kind."), (ewok.Group, ewok.Prefix));
        Assert.Equal([" Ann helps.", " Ann hurts."], ewok.Completions);

        var tracking = items.Where(i => i.Task == TaskNames.EntityTracking).ToList();
        Assert.Equal(["regular_0_ops", "regular_2_ops"], tracking.Select(i => i.Group));
        Assert.Equal("Box 0 contains ", tracking[0].Prefix);
        Assert.Equal(5, tracking[0].Completions.Count);

        var wug = items.Single(i => i.Task == TaskNames.Wug);
        Assert.Equal(["Make a noun: blick. blickity", "Make a noun: blick. blickness"], wug.Completions);
    }

    [Fact]
    public void Load_ProbesFolder_LoadsOnlyTheFoldersPresent_GroupsByFileWithoutUid_AndPrefixesTheSuite()
    {
        using var folder = new TempFolder();
        folder.File("blimp_filtered/tinyworld_agreement.jsonl", """{"sentence_good": "The cat sits.", "sentence_bad": "The cat sit."}""");
        folder.File("entity_tracking/tinyworld_boxes.jsonl",
            """{"numops": 1, "input_prefix": "Box A holds ", "options": ["the key.", "the cup."]}""");

        var items = ZeroShotSuite.Load(folder.Path, "tinyworld");

        Assert.Equal(
            [("tinyworld/blimp", "tinyworld_agreement"), ("tinyworld/entity_tracking", "tinyworld_boxes_1_ops")],
            items.Select(i => (i.Task, i.Group)));
    }

    [Fact]
    public void Load_BadRow_NamesTheFileLineAndField()
    {
        using var folder = new TempFolder();
        folder.File("ewok_filtered/x.jsonl", """{"Domain": "d", "Context1": "c", "Target1": "t"}""");

        var error = Assert.Throws<InvalidDataException>(() => ZeroShotSuite.Load(folder.Path));

        Assert.Contains("x.jsonl:1", error.Message);
        Assert.Contains("Target2", error.Message);
    }

    [Fact]
    public void SharedEvalData_ItemCounts_MatchTheDataReadme()
    {
        var items = ZeroShotSuite.Load(EvalData.Folder);

        var counts = items.GroupBy(i => i.Task).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(11_765, counts[TaskNames.Blimp]);
        Assert.Equal(1_087, counts[TaskNames.BlimpSupplement]);
        Assert.Equal(1_574, counts[TaskNames.Ewok]);
        Assert.Equal(2_111, counts[TaskNames.EntityTracking]);
        Assert.Equal(46, counts[TaskNames.Wug]);
        Assert.Equal(5, counts.Count);
        Assert.Equal(67, items.Where(i => i.Task == TaskNames.Blimp).Select(i => i.Group).Distinct().Count());
        Assert.Equal(11, items.Where(i => i.Task == TaskNames.Ewok).Select(i => i.Group).Distinct().Count());
        Assert.Equal(18, items.Where(i => i.Task == TaskNames.EntityTracking).Select(i => i.Group).Distinct().Count());
        Assert.Equal(5, items.Where(i => i.Task == TaskNames.BlimpSupplement).Select(i => i.Group).Distinct().Count());
        Assert.All(items.Where(i => i.Task == TaskNames.EntityTracking), i => Assert.Equal(5, i.Completions.Count));
        Assert.Equal(items.Count, items.Select(i => i.Item).Distinct().Count());
    }
}
