using static ContrastivePipeline.Corpus.English;

namespace ContrastivePipeline.Corpus;

/// <summary>
/// Agreement minimal pairs in the patterns of the training text. The bad sentence differs from the good one in one
/// word only: the verb (subject-verb) or the noun (determiner-noun). Nouns whose plural is their singular ("sheep")
/// are left out, since with them the bad sentence would be grammatical too.
/// </summary>
internal sealed class TinyWorldAgreement(Random random)
{
    private static readonly (string One, string Many)[] Verbs = [("is", "are"), ("was", "were"), ("has", "have")];

    private static readonly string[] Seen = ["found", "saw", "liked", "wanted", "lost", "carried", "had", "took"];

    private readonly Random _random = random;

    public (string Good, string Bad) SubjectVerb()
    {
        var plural = _random.Next(2) == 0;
        var (subject, predicate) = _random.Next(3) switch
        {
            0 => AnimalFact(plural),
            1 => StoryState(plural),
            _ => ThingColor(plural),
        };
        var (good, bad) = plural ? (predicate.Many, predicate.One) : (predicate.One, predicate.Many);
        return (Capital($"{subject} {good} {predicate.Tail}."), Capital($"{subject} {bad} {predicate.Tail}."));
    }

    public (string Good, string Bad) DeterminerNoun()
    {
        var plural = _random.Next(2) == 0;
        var noun = Noun();
        var determiner = plural ? Pick(["these", "those"]) : Pick(["this", "that"]);
        var look = _random.Next(2) == 0 ? Pick(TinyWorldLexicon.Colors) + " " : "";
        var (good, bad) = plural ? (Plural(noun), noun) : (noun, Plural(noun));
        var prefix = _random.Next(3) switch
        {
            0 => $"{Name()} {Pick(Seen)}",
            1 => "look at",
            _ => $"I {Pick(["like", "want", "have", "see"])}",
        };
        return (Capital($"{prefix} {determiner} {look}{good}."), Capital($"{prefix} {determiner} {look}{bad}."));
    }

    private (string Subject, (string One, string Many, string Tail) Predicate) AnimalFact(bool plural)
    {
        var (_, home, _, covering, _, food, members) = Pick(TinyWorldLexicon.Animals);
        var animal = Countable(members);
        var subject = plural ? Pick(["", "the ", "these ", "those "]) + Plural(animal) : Pick(["the ", "this ", "that "]) + animal;
        return (subject, _random.Next(4) switch
        {
            0 => ("lives", "live", home),
            1 => ("eats", "eat", food),
            2 => ("has", "have", covering),
            _ => ("is", "are", Pick(TinyWorldLexicon.AnimalTraits)),
        });
    }

    private (string Subject, (string One, string Many, string Tail) Predicate) StoryState(bool plural)
    {
        var subject = plural
            ? _random.Next(2) == 0 ? $"{Name()} and {Name()}" : "the " + Plural(Noun())
            : _random.Next(2) == 0 ? Name() : "the " + Noun();
        var rest = _random.Next(2) == 0
            ? Pick(TinyWorldLexicon.Feelings)
            : $"in the {Pick(TinyWorldLexicon.Rooms)}";
        return (subject, ("was", "were", rest));
    }

    private (string Subject, (string One, string Many, string Tail) Predicate) ThingColor(bool plural)
    {
        var thing = Countable(Pick(TinyWorldLexicon.Things).Members);
        var (one, many) = Pick(Verbs);
        var rest = one == "has" ? $"a {Pick(TinyWorldLexicon.Colors)} {Pick(["lid", "handle", "spot", "stripe"])}" : Pick(TinyWorldLexicon.Colors);
        return ($"my {(plural ? Plural(thing) : thing)}", (one, many, rest));
    }

    private string Noun() => _random.Next(3) switch
    {
        0 => Countable(Pick(TinyWorldLexicon.Animals).Members),
        1 => Countable(Pick(TinyWorldLexicon.Foods).Members),
        _ => Countable(Pick(TinyWorldLexicon.Things).Members),
    };

    private string Countable(string[] nouns)
    {
        while (true)
        {
            var noun = Pick(nouns);
            if (Plural(noun) != noun)
                return noun;
        }
    }

    private string Name() => Pick(_random.Next(2) == 0 ? TinyWorldLexicon.Girls : TinyWorldLexicon.Boys);

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
