using ContrastivePipeline.Tokenization;
using Snapshooter.Xunit;

namespace ContrastivePipeline.Tests.Tokenization;

public sealed class BpeTrainerTests
{
    const string Text = """
        The little dog ran to the park. The little cat ran after the dog, and the dog ran faster!
        "Where are you running?" asked the bird. "To the park," said the dog. "The park is fun."
        They're sure it's 1234 steps; we'll see. Ööh, naïve café — 42 runners ran 4242 metres.
        The bird sang; the dog barked; the cat slept. Running, jumping, singing: they're all playing together.
        """;

    [Fact]
    public void MergesOfA300TokenVocabulary_MatchTheSnapshot()
    {
        var vocabulary = BpeTrainer.Train([Text], 300, threads: 1);

        Snapshot.Match(vocabulary.MergeLines().ToList());
    }

    [Fact]
    public void FastTrainer_LearnsTheSameMergesAsTheNaiveTrainer()
    {
        var text = string.Join("\n", TinyCorpus.All.Take(60));

        var fast = BpeTrainer.Train([text], 700, threads: 2);
        var naive = NaiveBpeTrainer.Train(text, 700);

        Assert.True(fast.Merges.Count > 300, $"only {fast.Merges.Count} merges learned");
        Assert.Equal(naive.Merges, fast.Merges);
        Assert.Equal(naive.Tokens, fast.Tokens);
    }

    [Fact]
    public void TrainingTwiceWithDifferentThreadCounts_GivesIdenticalVocabularies()
    {
        var first = BpeTrainer.Train(TinyCorpus.All, 1000, threads: 1);
        var second = BpeTrainer.Train(TinyCorpus.All, 1000, threads: 2);

        Assert.Equal(first.Tokens, second.Tokens);
        Assert.Equal(first.Merges, second.Merges);
    }

    [Fact]
    public void Vocabulary_StartsWithTheSpecialTokens_ThenAll256Bytes()
    {
        var vocabulary = BpeTrainer.Train([Text], 300, threads: 1);

        Assert.Equal(["<unk>", "<s>", "</s>", "<pad>"], vocabulary.Tokens.Take(4));
        Assert.Equal(256, vocabulary.Tokens.Skip(4).Take(256).Distinct().Count(t => t.Length == 1));
        Assert.Equal(300, vocabulary.Tokens.Count);
    }
}
