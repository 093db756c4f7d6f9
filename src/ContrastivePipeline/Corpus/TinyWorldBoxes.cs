using System.Text;

namespace ContrastivePipeline.Corpus;

/// <summary>
/// Entity-tracking items laid out as BabyLM's <c>entity_tracking/regular.jsonl</c>: seven boxes and their contents,
/// then Move / Remove / Put operations, then "Box N contains ". As in that data, <c>numops</c> counts the operations
/// that touch the asked box, while operations on other boxes come in between; contents are listed alphabetically.
/// Options: the answer first, then four wrong ones (other boxes' contents, the answer with one thing swapped, nothing).
/// </summary>
internal sealed class TinyWorldBoxes(Random random)
{
    private const int BoxCount = 7;

    private static readonly string[] Objects =
        TinyWorldLexicon.Things.SelectMany(t => t.Members).Distinct().Order(StringComparer.Ordinal).ToArray();

    private readonly Random _random = random;
    private List<string>[] _boxes = [];
    private List<string> _unused = [];

    public (int Numops, string Prefix, List<string> Options) Item(int numops)
    {
        var shuffled = Objects.ToArray();
        _random.Shuffle(shuffled);
        _unused = [.. shuffled];
        _boxes = Enumerable.Range(0, BoxCount).Select(_ => Take(_random.Next(4))).ToArray();
        var text = new StringBuilder(string.Join(", ", _boxes.Select((box, i) => $"Box {i} contains {Contents(box)}")) + ".");
        var target = _random.Next(BoxCount);
        for (var touched = 0; touched < numops;)
        {
            var touching = _random.Next(2) == 0;
            if (Operation(target, touching) is not { } operation)
                continue;
            text.Append(' ').Append(operation);
            touched += touching ? 1 : 0;
        }
        text.Append($" Box {target} contains ");
        return (numops, text.ToString(), Options(target));
    }

    /// <summary>One valid operation that touches the target box, or one that leaves it alone; null when none was drawn.</summary>
    private string? Operation(int target, bool touching)
    {
        var others = Enumerable.Range(0, BoxCount).Where(b => b != target).ToList();
        int from = touching ? target : Pick(others), to = Pick(others.Where(b => b != from).ToList());
        return _random.Next(touching ? 4 : 3) switch
        {
            0 => Put(from),
            1 when _boxes[from].Count > 0 => Remove(from),
            2 when _boxes[from].Count > 0 => Move(from, to),
            3 when _boxes[to].Count > 0 => Move(to, from),
            _ => null,
        };
    }

    private string Put(int box)
    {
        var things = Take(_random.Next(1, 4));
        _boxes[box].AddRange(things);
        return $"Put {Contents(things)} into Box {box}.";
    }

    private string Remove(int box)
    {
        var things = Some(_boxes[box]);
        _boxes[box].RemoveAll(things.Contains);
        return $"Remove {Contents(things)} from Box {box}.";
    }

    private string Move(int from, int to)
    {
        var things = Some(_boxes[from]);
        _boxes[from].RemoveAll(things.Contains);
        _boxes[to].AddRange(things);
        return $"Move {Contents(things)} from Box {from} to Box {to}.";
    }

    private List<string> Options(int target)
    {
        var answer = _boxes[target];
        List<string> options = [Contents(answer) + "."];
        var wrong = _boxes.Where(b => b != answer && b.Count > 0).Select(b => Contents(b) + ".")
            .Append("nothing.").Concat(Enumerable.Range(0, 3).Select(_ => Contents(Swapped(answer)) + ".")).ToArray();
        _random.Shuffle(wrong);
        foreach (var option in wrong.Concat(Objects.Select(o => $"the {o}.")))
        {
            if (options.Count < 5 && !options.Contains(option))
                options.Add(option);
        }
        return options;
    }

    /// <summary>The answer with one thing replaced by a thing from another box (or a single thing, for an empty box).</summary>
    private List<string> Swapped(List<string> answer)
    {
        var elsewhere = _boxes.SelectMany(b => b).Where(t => !answer.Contains(t)).ToList();
        if (elsewhere.Count == 0)
            return [Pick(Objects)];
        if (answer.Count == 0)
            return [Pick(elsewhere)];
        var swapped = new List<string>(answer);
        swapped[_random.Next(swapped.Count)] = Pick(elsewhere);
        return swapped;
    }

    private List<string> Take(int count)
    {
        var things = _unused.Take(count).ToList();
        _unused.RemoveRange(0, things.Count);
        return things;
    }

    private List<string> Some(List<string> box) =>
        box.OrderBy(_ => _random.Next()).Take(_random.Next(1, box.Count + 1)).ToList();

    private static string Contents(IEnumerable<string> things) =>
        things.Any() ? string.Join(" and ", things.Order(StringComparer.Ordinal).Select(t => "the " + t)) : "nothing";

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
