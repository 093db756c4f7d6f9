using static ContrastivePipeline.Corpus.English;

namespace ContrastivePipeline.Corpus;

/// <summary>
/// A short story: two or three named characters move between places and pick up, put away, take out, give, eat, lose
/// and find things. The story keeps its small world's state (where everyone is, who holds what, what lies where, what
/// each container holds), every event is chosen among those the state allows, and every sentence is true of it.
/// </summary>
internal sealed class TinyWorldStory
{
    private sealed class Person(string name, bool girl)
    {
        public string Name { get; } = name;
        public bool Girl { get; } = girl;
        public string He => Girl ? "she" : "he";
        public string His => Girl ? "her" : "his";
        public int Place { get; set; }
        public List<Thing> Hands { get; } = [];
    }

    private sealed class Thing(string noun, string look, string[] tastes, string[] verbs)
    {
        public string[] Verbs { get; } = verbs;
        public string Noun { get; } = noun;
        public string Phrase { get; } = look + " " + noun;
        public string[] Tastes { get; } = tastes;
        public bool Food => Tastes.Length > 0;
        public bool Mentioned { get; set; }
        public Person? Owner { get; set; }
    }

    private sealed class Container(string noun, int place)
    {
        public string Noun { get; } = noun;
        public int Place { get; } = place;
        public bool Open { get; set; } = true;
        public List<Thing> Things { get; } = [];
    }

    private static readonly string[] Sister = ["sister", "cousin", "friend"], Brother = ["brother", "cousin", "friend"];
    private static readonly string[] PlaceLooks = ["quiet", "busy", "big", "small", "pretty", "warm", "bright", "noisy", "lovely", "cool"];

    private readonly Random _random;
    private readonly TinyWorldDocument _doc = new();
    private readonly List<Person> _people = [];
    private readonly List<(string Name, string Prep)> _places = [];
    private readonly List<List<Thing>> _ground = [];
    private readonly List<Container> _containers = [];
    private readonly HashSet<string> _nouns = [];

    private TinyWorldStory(Random random) => _random = random;

    public static TinyWorldDocument Write(Random random)
    {
        var story = new TinyWorldStory(random);
        var target = random.Next(60, 300);
        story.Begin();
        Func<bool>[] events = [story.Go, story.PickUp, story.PutAway, story.TakeOut, story.Give, story.Eat,
            story.Lose, story.PutDown, story.Close, story.AskWhere, story.Play, story.Watch, story.Use, story.Recap];
        while (story._doc.Words < target)
        {
            while (!story.Pick(events)()) { }
            if (random.NextDouble() < 0.3)
                story._doc.Break();
        }
        story.End();
        return story._doc;
    }

    private void Begin()
    {
        var count = _random.NextDouble() < 0.7 ? 2 : 3;
        while (_people.Count < count)
        {
            var girl = _random.Next(2) == 0;
            var name = Pick(girl ? TinyWorldLexicon.Girls : TinyWorldLexicon.Boys);
            if (_people.All(p => p.Name != name))
                _people.Add(new Person(name, girl));
        }
        while (_places.Count < 3)
        {
            var room = _random.Next(3) > 0;
            var name = Pick(room ? TinyWorldLexicon.Rooms : TinyWorldLexicon.Spots);
            if (_places.Any(p => p.Name == name))
                continue;
            _places.Add((name, room ? "in" : "at"));
            _ground.Add([]);
        }
        Introduce();
        for (var i = _random.Next(1, 3); i > 0; i--)
            AddContainer();
        foreach (var person in _people)
        {
            for (var i = _random.Next(1, 3); i > 0; i--)
                person.Hands.Add(NewThing(person));
            Say($"{person.Name} had {List(person.Hands.Select(Ref).ToList())}.");
        }
        _doc.Break();
    }

    private void Introduce()
    {
        var (first, second) = (_people[0], _people[1]);
        Say(_random.Next(3) switch
        {
            0 => $"once upon a time, there was {A(Pick(TinyWorldLexicon.Traits) + " " + Child(first))} named {first.Name}.",
            1 => $"{first.Name} was {A(Pick(TinyWorldLexicon.Traits) + " " + Child(first))}.",
            _ => $"one {Pick(TinyWorldLexicon.Weather)} {Pick(TinyWorldLexicon.Times)}, {first.Name} woke up early.",
        });
        Say(_random.Next(2) == 0
            ? $"{first.His} {Pick(second.Girl ? Sister : Brother)} {second.Name} was {Pick(TinyWorldLexicon.Traits)}."
            : $"{first.His} best friend was {second.Name}.");
        if (_people.Count > 2)
            Say($"{_people[2].Name} came to play too.");
        Say($"{Names(_people)} were {At(0)}.");
    }

    private void AddContainer()
    {
        var noun = Pick(TinyWorldLexicon.Containers);
        if (!_nouns.Add(noun))
            return;
        var container = new Container(noun, _random.Next(_places.Count));
        _containers.Add(container);
        Say($"{At(container.Place)} there was {A(Pick(TinyWorldLexicon.Colors) + " " + noun)}.");
        for (var i = _random.Next(3); i > 0; i--)
            container.Things.Add(NewThing(null));
        Say(container.Things.Count == 0
            ? "it was empty."
            : $"it had {List(container.Things.Select(Ref).ToList())} in it.");
        if (_random.Next(3) == 0)
        {
            container.Open = false;
            Say($"the {noun} was closed.");
        }
    }

    private bool Go()
    {
        var person = Pick(_people);
        var to = (person.Place + _random.Next(1, _places.Count)) % _places.Count;
        var group = _people.Where(p => p == person || (p.Place == person.Place && _random.Next(2) == 0)).ToList();
        Say($"{(_random.Next(3) == 0 ? "then " : "")}{Names(group)} {Pick(["went", "walked", "ran", "hurried", "skipped"])} {Pick(TinyWorldLexicon.Adverbs)} to the {_places[to].Name}.");
        if (person.Hands.Count > 0 && _random.Next(2) == 0)
            Say($"{person.He} took {List(person.Hands.Select(Ref).ToList())} along.");
        if (_places[to].Prep == "at" && _random.Next(3) == 0)
            Say($"{(group.Count > 1 ? "they" : person.He)} went by {Pick(TinyWorldLexicon.Vehicles)}, and they passed {A(Pick(TinyWorldLexicon.Looks) + " " + Pick(TinyWorldLexicon.Landmarks))}.");
        group.ForEach(p => p.Place = to);
        if (_random.Next(2) == 0)
            Say($"the {_places[to].Name} was {Pick(PlaceLooks)} that {Pick(TinyWorldLexicon.Times[..3])}.");
        return true;
    }

    private bool PickUp()
    {
        var person = Pick(_people);
        var ground = _ground[person.Place];
        if (ground.Count == 0)
            ground.Add(NewThing(null));
        var thing = Pick(ground);
        var whose = thing.Owner is { } owner && owner != person ? $"{owner.Name}'s {thing.Noun}" : Ref(thing);
        Say($"{person.Name} {Pick(["found", "saw"])} {whose} {Pick(["under", "near", "behind", "next to"])} the {Pick(TinyWorldLexicon.Landmarks)} {At(person.Place)}, and {person.He} picked it up.");
        ground.Remove(thing);
        person.Hands.Add(thing);
        if (_random.Next(2) == 0)
            Say($"\"I like this {thing.Noun},\" said {person.Name}.");
        return true;
    }

    private bool PutAway()
    {
        var person = Pick(_people);
        var container = _containers.FirstOrDefault(c => c.Place == person.Place);
        if (container is null || person.Hands.Count == 0)
            return false;
        var thing = Pick(person.Hands);
        Say($"{Subject(person, container)} put {Ref(thing)} in the {container.Noun}.");
        person.Hands.Remove(thing);
        container.Things.Add(thing);
        return true;
    }

    private bool TakeOut()
    {
        var person = Pick(_people);
        var container = _containers.FirstOrDefault(c => c.Place == person.Place && c.Things.Count > 0);
        if (container is null)
            return false;
        var thing = Pick(container.Things);
        Say($"{Subject(person, container)} took {Ref(thing)} out of the {container.Noun}.");
        container.Things.Remove(thing);
        person.Hands.Add(thing);
        return true;
    }

    private bool Give()
    {
        var giver = Pick(_people);
        var taker = _people.FirstOrDefault(p => p != giver && p.Place == giver.Place);
        if (taker is null || giver.Hands.Count == 0)
            return false;
        var thing = Pick(giver.Hands);
        var back = thing.Owner == taker ? " back" : "";
        Say(_random.Next(2) == 0
            ? $"{giver.Name} gave {Ref(thing)}{back} to {taker.Name}."
            : $"{giver.Name} gave {taker.Name} {Ref(thing)}{back}.");
        giver.Hands.Remove(thing);
        taker.Hands.Add(thing);
        Say($"\"{Pick(["Thank you", "Thanks", "Oh, thank you"])}, {giver.Name}!\" said {taker.Name}.");
        return true;
    }

    private bool Eat()
    {
        var person = Pick(_people);
        var food = person.Hands.FirstOrDefault(t => t.Food);
        if (food is null)
            return false;
        Say($"{person.Name} was hungry, so {person.He} ate {Ref(food)}.");
        Say($"it was {Pick(food.Tastes)}, and {person.He} ate it {Pick(TinyWorldLexicon.Adverbs)}.");
        person.Hands.Remove(food);
        return true;
    }

    private bool Lose()
    {
        var person = Pick(_people);
        var thing = person.Hands.FirstOrDefault(t => !t.Food);
        if (thing is null)
            return false;
        Say($"while {person.He} was {Ing(Pick(TinyWorldLexicon.Activities))}, {person.Name} lost {Ref(thing)} {At(person.Place)}.");
        person.Hands.Remove(thing);
        _ground[person.Place].Add(thing);
        Say($"\"Oh no! Where is my {thing.Noun}?\" {person.He} said.");
        return true;
    }

    private bool PutDown()
    {
        var person = Pick(_people);
        if (person.Hands.Count == 0)
            return false;
        var thing = Pick(person.Hands);
        Say($"{person.Name} put {Ref(thing)} down {At(person.Place)}.");
        person.Hands.Remove(thing);
        _ground[person.Place].Add(thing);
        return true;
    }

    private bool Close()
    {
        var person = Pick(_people);
        var container = _containers.FirstOrDefault(c => c.Place == person.Place && c.Open);
        if (container is null)
            return false;
        Say($"{person.Name} closed the {container.Noun}.");
        container.Open = false;
        return true;
    }

    private bool AskWhere()
    {
        var asker = Pick(_people);
        var helper = _people.FirstOrDefault(p => p != asker && p.Place == asker.Place);
        var things = _people.Where(p => p != asker).SelectMany(p => p.Hands)
            .Concat(_containers.SelectMany(c => c.Things)).Concat(_ground.SelectMany(g => g)).Where(t => t.Mentioned).ToList();
        if (helper is null || things.Count == 0)
            return false;
        var thing = Pick(things);
        Say($"\"Where is the {thing.Noun}?\" asked {asker.Name}.");
        Say($"\"{Capital(Where(thing, helper))},\" said {helper.Name}.");
        return true;
    }

    private bool Play()
    {
        var person = Pick(_people);
        var group = _people.Where(p => p.Place == person.Place).ToList();
        var activity = Pick(TinyWorldLexicon.Activities);
        Say(group.Count > 1
            ? $"{Names(group)} liked to {activity}, so they {Past(activity)} {At(person.Place)}."
            : $"{person.Name} {Past(activity)} {Pick(TinyWorldLexicon.Adverbs)} {At(person.Place)} for a while.");
        Say($"{(group.Count > 1 ? "they" : person.He)} felt {Pick(TinyWorldLexicon.Feelings)}.");
        return true;
    }

    private bool Watch()
    {
        var person = Pick(_people);
        var (kind, _, _, _, _, food, members) = Pick(TinyWorldLexicon.Animals);
        var animal = Pick(members);
        var count = _random.Next(1, 6);
        if (count == 1)
        {
            Say($"{person.Name} saw {A(animal)} {At(person.Place)}. \"Look at that {animal}!\" {person.He} said.");
            Say($"the {animal} was {Pick(TinyWorldLexicon.AnimalTraits)}. It was looking for {food}.");
        }
        else
        {
            var many = Plural(animal);
            Say($"{person.Name} saw {Number(count)} {many} {At(person.Place)}. \"Look at those {many}!\" {person.He} said.");
            Say($"the {many} were {Pick(TinyWorldLexicon.AnimalTraits)}. They were looking for {food}.");
        }
        if (_random.Next(3) == 0)
            Say($"\"{(count == 1 ? "This " + animal + " is" : "These " + Plural(animal) + " are")} my favorite {kind}{(count == 1 ? "" : "s")}!\" said {person.Name}.");
        return true;
    }

    private bool Use()
    {
        var person = Pick(_people);
        var thing = person.Hands.FirstOrDefault(t => t.Verbs.Length > 0);
        if (thing is null)
            return false;
        Say($"{person.Name} {Past(Pick(thing.Verbs))} {Ref(thing)} {Pick(TinyWorldLexicon.Adverbs)}.");
        if (_random.Next(2) == 0)
            Say($"{person.He} {Pick(["was", "felt", "looked"])} {Pick(TinyWorldLexicon.Feelings)}.");
        return true;
    }

    private bool Recap()
    {
        var person = Pick(_people);
        Say(person.Hands.Count == 0
            ? $"now {person.Name} had nothing in {person.His} hands."
            : $"now {person.Name} had {List(person.Hands.Select(Ref).ToList())}.");
        return true;
    }

    private void End()
    {
        _doc.Break();
        Say($"at the end of the {Pick(["day", "afternoon", "game"])}, {Names(_people)} were tired but {Pick(["happy", "glad", "proud"])}.");
        foreach (var person in _people.Where(p => p.Hands.Count > 0))
            Say($"{person.Name} had {List(person.Hands.Select(Ref).ToList())}.");
        foreach (var container in _containers)
            Say(container.Things.Count == 0
                ? $"the {container.Noun} was empty."
                : $"the {container.Noun} had {List(container.Things.Select(Ref).ToList())} in it.");
    }

    private string Where(Thing thing, Person helper)
    {
        if (helper.Hands.Contains(thing))
            return "I have it";
        if (_people.FirstOrDefault(p => p.Hands.Contains(thing)) is { } holder)
            return $"{holder.Name} has it";
        if (_containers.FirstOrDefault(c => c.Things.Contains(thing)) is { } container)
            return $"it is in the {container.Noun} {At(container.Place)}";
        return $"it is {At(_ground.FindIndex(g => g.Contains(thing)))}";
    }

    /// <summary>Opens a closed container first; the next sentence then says "she" instead of the name.</summary>
    private string Subject(Person person, Container container)
    {
        if (container.Open)
            return person.Name;
        Say($"{person.Name} opened the {container.Noun}.");
        container.Open = true;
        return person.He;
    }

    private Thing NewThing(Person? owner)
    {
        while (true)
        {
            var food = _random.Next(4) == 0;
            var noun = food ? Pick(Pick(TinyWorldLexicon.Foods).Members) : Pick(Pick(TinyWorldLexicon.Things).Members);
            if (!_nouns.Add(noun))
                continue;
            string[] tastes = food ? TinyWorldLexicon.Foods.First(f => f.Members.Contains(noun)).Tastes : [];
            string[] verbs = food ? [] : TinyWorldLexicon.Things.First(t => t.Members.Contains(noun)).Verbs;
            var look = food ? Pick(tastes) : Pick(_random.Next(2) == 0 ? TinyWorldLexicon.Colors : TinyWorldLexicon.Looks);
            return new Thing(noun, look, tastes, verbs) { Owner = owner };
        }
    }

    private string Ref(Thing thing)
    {
        var text = thing.Mentioned ? "the " + thing.Phrase : A(thing.Phrase);
        thing.Mentioned = true;
        return text;
    }

    private string At(int place) => $"{_places[place].Prep} the {_places[place].Name}";

    private static string Child(Person person) => person.Girl ? "girl" : "boy";

    private static string Names(IEnumerable<Person> people) => List(people.Select(p => p.Name).ToList());

    private void Say(string sentence) => _doc.Add(sentence);

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
