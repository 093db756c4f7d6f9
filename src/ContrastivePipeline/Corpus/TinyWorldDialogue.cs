using static ContrastivePipeline.Corpus.English;

namespace ContrastivePipeline.Corpus;

/// <summary>
/// A simple conversation, one turn per line ("Mia: Can I have your kite?"). The two speakers hold things, and the
/// answers follow what they hold: a thing given away changes hands, a question about it is answered truly.
/// </summary>
internal sealed class TinyWorldDialogue
{
    private readonly Random _random;
    private readonly TinyWorldDocument _doc = new();
    private readonly string[] _names = new string[2];
    private readonly List<string>[] _hands = [[], []];
    private readonly Dictionary<string, string> _colors = [];
    private readonly TinyWorldBoxes _boxes;
    private int _turn;

    private TinyWorldDialogue(Random random) => (_random, _boxes) = (random, new TinyWorldBoxes(random));

    public static TinyWorldDocument Write(Random random)
    {
        var dialogue = new TinyWorldDialogue(random);
        var target = random.Next(90, 300);
        dialogue.Begin();
        Action[] topics = [dialogue.Have, dialogue.Ask, dialogue.Likes, dialogue.Pastime, dialogue.Animal, dialogue.Color,
            dialogue.Count, dialogue.Plan, dialogue.Feeling, dialogue.Job, dialogue.BoxGame];
        while (dialogue._doc.Words < target)
            dialogue.Pick(topics)();
        dialogue.Line($"{dialogue.Pick(["Bye", "Goodbye", "See you later", "See you tomorrow"])}, {dialogue.Other}!");
        dialogue.Line($"{dialogue.Pick(["Bye", "Bye-bye", "See you"])}, {dialogue.Other}!");
        return dialogue._doc;
    }

    private string Other => _names[1 - _turn];

    private void Begin()
    {
        var parent = _random.Next(4) == 0;
        _names[0] = Pick(_random.Next(2) == 0 ? TinyWorldLexicon.Girls : TinyWorldLexicon.Boys);
        do
            _names[1] = parent ? Pick(["Mom", "Dad", "Grandma", "Grandpa"]) : Pick(_random.Next(2) == 0 ? TinyWorldLexicon.Girls : TinyWorldLexicon.Boys);
        while (_names[1] == _names[0]);
        foreach (var hand in _hands)
            for (var i = _random.Next(1, 4); i > 0; i--)
                hand.Add(Pick(Pick(TinyWorldLexicon.Things).Members));
        Line($"{Pick(["Hi", "Hello", "Good morning", "Hey"])}, {Other}!");
        Line($"{Pick(["Hi", "Hello", "Oh, hello"])}, {Other}. How are you?");
        Feeling();
    }

    private void Have()
    {
        var thing = Pick(Pick(TinyWorldLexicon.Things).Members);
        Line($"Do you have {A(thing)}?");
        var mine = _hands[_turn];
        Line(mine.Contains(thing)
            ? $"Yes, I have {A(thing)}. It is {ColorOf(thing)}."
            : $"No, I do not have {A(thing)}. I have {List(mine.Select(A).ToList())}.");
    }

    private void Ask()
    {
        var theirs = _hands[1 - _turn];
        if (theirs.Count == 0)
            return;
        var thing = Pick(theirs);
        Line($"Can I have your {thing}, please?");
        if (_random.Next(3) == 0)
        {
            Line($"No, sorry. I need my {thing} today.");
            return;
        }
        Line($"Yes, you can. Here is my {thing}.");
        theirs.Remove(thing);
        _hands[_turn].Add(thing);
        Line($"Thank you! Now I have {List(_hands[_turn].Select(t => "the " + t).ToList())}.");
    }

    private void Likes()
    {
        var (kind, grows, tastes, _, members) = Pick(TinyWorldLexicon.Foods);
        var food = Plural(Pick(members));
        Line($"Do you like {food}?");
        Line(_random.Next(3) > 0
            ? $"Yes, I love {food}. They are {Pick(tastes)}."
            : $"No, I do not like {food}. I like {Plural(Pick(members))} better.");
        if (_random.Next(2) == 0)
            Line($"{Capital(Plural(kind))} {grows}. These {food} are from the {Pick(["market", "shop", "garden", "farm"])}.");
    }

    private void Pastime()
    {
        var activity = Pick(TinyWorldLexicon.Activities);
        Line("What do you like to do?");
        Line($"I like to {activity}. Do you like to {activity} too?");
        Line(_random.Next(2) == 0
            ? $"Yes, I do! My {Pick(TinyWorldLexicon.Relatives)} {Third(activity)} {Pick(TinyWorldLexicon.Adverbs)} every {Pick(TinyWorldLexicon.Times)}."
            : $"No, I don't. My {Pick(TinyWorldLexicon.Relatives)} {Third(activity)}, but I like to {Pick(TinyWorldLexicon.Activities)}.");
    }

    private void Animal()
    {
        var (_, home, _, _, move, _, members) = Pick(TinyWorldLexicon.Animals);
        var animal = Pick(members);
        var count = _random.Next(1, 5);
        Line(count == 1 ? $"Look at that {animal}!" : $"Look at those {Plural(animal)}!");
        Line(count == 1
            ? $"Wow! That {animal} is so {Pick(TinyWorldLexicon.AnimalTraits)}. Does it live {home}?"
            : $"Wow! I can see {Number(count)} {Plural(animal)}. Do they live {home}?");
        Line(count == 1 ? $"Yes, it does. It can {move}." : $"Yes, they do. They can {move}.");
        if (TinyWorldLexicon.Sounds.TryGetValue(animal, out var sound))
        {
            Line($"What does {A(animal)} say?");
            Line($"{A(animal)} says \"{sound}\"!");
        }
    }

    private void Color()
    {
        var thing = _hands[1 - _turn].Count > 0 ? Pick(_hands[1 - _turn]) : Pick(Pick(TinyWorldLexicon.Things).Members);
        Line($"What color is your {thing}?");
        Line($"My {thing} is {ColorOf(thing)}. What is your favorite color?");
        Line($"My favorite color is {Pick(TinyWorldLexicon.Colors)}.");
    }

    private void Count()
    {
        var thing = Pick(Pick(TinyWorldLexicon.Foods).Members);
        var n = _random.Next(0, 21);
        Line($"How many {Plural(thing)} do you have?");
        Line(n switch
        {
            0 => $"I do not have any {Plural(thing)}.",
            1 => $"I have one {thing}. This {thing} is for you.",
            _ => $"I have {Number(n)} {Plural(thing)}. These {Plural(thing)} are for you.",
        });
    }

    private void Plan()
    {
        var place = Pick(_random.Next(2) == 0 ? TinyWorldLexicon.Rooms : TinyWorldLexicon.Spots);
        Line($"Let's go to the {place}!");
        Line(_hands[_turn].Count > 0
            ? $"Okay! Can I bring my {Pick(_hands[_turn])}?"
            : "Okay! I am ready.");
        Line($"Yes. It is {Pick(TinyWorldLexicon.Weather)} today, so we can {Pick(TinyWorldLexicon.Activities)} there.");
    }

    private void Job()
    {
        var job = Pick(TinyWorldLexicon.Jobs);
        Line("What do you want to be when you grow up?");
        Line($"I want to be {A(job)}. My {Pick(TinyWorldLexicon.Relatives)} is {A(Pick(TinyWorldLexicon.Jobs))}. What about you?");
        Line($"I want to be {A(Pick(TinyWorldLexicon.Jobs))}, because I like to {Pick(TinyWorldLexicon.Activities)} {Pick(TinyWorldLexicon.Adverbs)}.");
    }

    /// <summary>The entity-tracking puzzle as a game between the speakers, in the words of the box probes.</summary>
    private void BoxGame()
    {
        var (_, prefix, options) = _boxes.Item(_random.Next(4));
        var question = prefix.LastIndexOf(" Box ", StringComparison.Ordinal);
        var box = prefix[(question + 1)..].Replace(" contains ", "", StringComparison.Ordinal);
        Line("Let's play the box game!");
        Line($"Okay. {prefix[..question]} What does {box} contain?");
        Line($"{box} contains {options[0]}");
        Line(Pick(["Yes, that is right!", "Right! You are good at this game.", "Yes! Well done."]));
    }

    private void Feeling()
    {
        var feeling = Pick(TinyWorldLexicon.Feelings);
        Line($"I am {feeling} today. Are you {Pick(TinyWorldLexicon.Feelings)}?");
        Line(_random.Next(2) == 0 ? "Yes, I am." : $"No, I am not. I am {Pick(TinyWorldLexicon.Feelings)}.");
    }

    private string ColorOf(string thing)
    {
        if (!_colors.TryGetValue(thing, out var color))
            _colors[thing] = color = Pick(TinyWorldLexicon.Colors);
        return color;
    }

    /// <summary>One turn: the current speaker says the text, then the other speaker has the turn.</summary>
    private void Line(string text)
    {
        _doc.Add($"{_names[_turn]}: {Capital(text)}");
        _doc.Break();
        _turn = 1 - _turn;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
