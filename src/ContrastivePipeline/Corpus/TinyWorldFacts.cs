using static ContrastivePipeline.Corpus.English;

namespace ContrastivePipeline.Corpus;

/// <summary>
/// Short factual descriptions of animals, things and foods in the present tense. What is true of a kind comes from
/// the lexicon; what the world says of one animal or thing (its colours, its nature, what it is made of) is drawn once
/// per seed from that word, so every document of the corpus tells the same facts about it.
/// </summary>
internal sealed class TinyWorldFacts(int seed)
{
    private static readonly string[] Carefully = ["carefully", "gently", "quickly", "slowly", "together"];

    private readonly int _seed = seed;

    public TinyWorldDocument Write(Random random)
    {
        var doc = new TinyWorldDocument();
        var target = random.Next(100, 300);
        var topic = random.Next(10);
        Action<Random, TinyWorldDocument> about = topic < 5 ? Animals : topic < 8 ? Things : Foods;
        while (doc.Words < target)
        {
            about(random, doc);
            doc.Break();
        }
        return doc;
    }

    private void Animals(Random random, TinyWorldDocument doc)
    {
        var (kind, home, legs, covering, move, food, members) = Pick(random, TinyWorldLexicon.Animals);
        var animal = Pick(random, members);
        var (one, many) = (Pick(random, [A(animal), "the " + animal, "every " + animal]), Plural(animal));
        var world = World(animal);
        var (color, other) = (Pick(world, TinyWorldLexicon.AnimalColors), Pick(world, TinyWorldLexicon.AnimalColors));
        var nature = Pick(world, TinyWorldLexicon.AnimalTraits);
        doc.Add($"{A(animal)} is {A(kind)}.");
        doc.Add(random.Next(2) == 0 ? $"{many} live {home}." : $"{one} lives {home}.");
        if (legs > 0)
            doc.Add(random.Next(2) == 0 ? $"{many} have {Number(legs)} legs and {covering}." : $"{one} has {Number(legs)} legs.");
        doc.Add(random.Next(2) == 0 ? $"{many} eat {food}." : $"{one} eats {food}.");
        doc.Add(color == other ? $"most {many} are {color}." : $"most {many} are {color}, but some are {other}.");
        doc.Add(random.Next(2) == 0 ? $"{many} are {nature} and can {move}." : $"{one} is {nature} and can {move}.");
        if (TinyWorldLexicon.Sounds.TryGetValue(animal, out var sound))
            doc.Add(random.Next(2) == 0 ? $"{many} say \"{sound}\"." : $"{one} says \"{sound}\".");
        if (random.Next(3) == 0 && color != other)
            doc.Add($"look at this {animal}! These {many} are {color}, and those {many} are {other}.");
    }

    private void Things(Random random, TinyWorldDocument doc)
    {
        var (kind, use, materials, verbs, members) = Pick(random, TinyWorldLexicon.Things);
        var thing = Pick(random, members);
        var world = World(thing);
        var (color, other) = (Pick(world, TinyWorldLexicon.Colors), Pick(world, TinyWorldLexicon.Colors));
        doc.Add($"{A(thing)} is {A(kind)}.");
        doc.Add(random.Next(2) == 0 ? $"we use {A(thing)} {use}." : $"people use {Plural(thing)} {use}.");
        doc.Add(random.Next(2) == 0
            ? $"{Plural(thing)} are made of {Pick(world, materials)}."
            : $"this {thing} is made of {Pick(world, materials)}.");
        doc.Add(color == other ? $"{A(thing)} is often {color}." : $"{A(thing)} can be {color} or {other}.");
        doc.Add($"you can {Pick(random, verbs)} {A(thing)}, and you can {Pick(random, verbs)} it {Pick(random, Carefully)}.");
        doc.Add($"you can find {Plural(thing)} in the {Pick(world, TinyWorldLexicon.Rooms[..12])}.");
        var name = Pick(random, random.Next(2) == 0 ? TinyWorldLexicon.Girls : TinyWorldLexicon.Boys);
        doc.Add(random.Next(2) == 0
            ? $"{name} has {A(Pick(random, TinyWorldLexicon.Looks) + " " + thing)}."
            : $"{name} has {Number(random.Next(2, 21))} {Plural(thing)}, and {name}'s friends have {Plural(thing)} too.");
    }

    private void Foods(Random random, TinyWorldDocument doc)
    {
        var (kind, grows, tastes, colors, members) = Pick(random, TinyWorldLexicon.Foods);
        var food = Pick(random, members);
        var world = World(food);
        doc.Add($"{A(food)} is {A(kind)}.");
        doc.Add($"{Plural(kind)} {grows}.");
        doc.Add(random.Next(2) == 0
            ? $"{A(food)} is {Pick(world, tastes)}."
            : $"{Plural(food)} are {Pick(world, tastes)}.");
        doc.Add($"{Plural(food)} can be {Pick(world, colors)}.");
        var girl = random.Next(2) == 0;
        var name = Pick(random, girl ? TinyWorldLexicon.Girls : TinyWorldLexicon.Boys);
        doc.Add(random.Next(2) == 0
            ? $"{name} eats {A(food)} every {Pick(random, TinyWorldLexicon.Times)}."
            : $"{name} and {(girl ? "her" : "his")} friends like {Plural(food)}.");
    }

    /// <summary>The same random choices for the same word in every document of the corpus (stable across processes).</summary>
    private Random World(string word)
    {
        var hash = unchecked((int)2166136261 ^ _seed);
        foreach (var c in word)
            hash = unchecked((hash ^ c) * 16777619);
        return new Random(hash);
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
