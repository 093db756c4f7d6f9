namespace ContrastivePipeline.Corpus;

/// <summary>
/// The English morphology the built-in corpus needs: a/an, plurals, third person, past tense and -ing. Irregular forms
/// come from <see cref="TinyWorldLexicon"/>; everything else follows the spelling rules.
/// </summary>
internal static class English
{
    public static string A(string phrase) => (VowelSound(phrase) ? "an " : "a ") + phrase;

    /// <summary>Pluralises the last word of a phrase ("teddy bear" -> "teddy bears").</summary>
    public static string Plural(string phrase) => OnLast(phrase, noun =>
        TinyWorldLexicon.IrregularPlurals.TryGetValue(noun, out var plural) ? plural
        : EndsWithAny(noun, "s", "x", "z", "ch", "sh") ? noun + "es"
        : ConsonantY(noun) ? noun[..^1] + "ies"
        : noun + "s");

    /// <summary>Third person singular of a verb phrase, inflecting its first word ("go home" -> "goes home").</summary>
    public static string Third(string verb) => OnFirst(verb, v =>
        v == "have" ? "has"
        : EndsWithAny(v, "s", "x", "z", "ch", "sh", "o") ? v + "es"
        : ConsonantY(v) ? v[..^1] + "ies"
        : v + "s");

    public static string Past(string verb) => OnFirst(verb, v =>
        TinyWorldLexicon.IrregularPasts.TryGetValue(v, out var past) ? past
        : v.EndsWith('e') ? v + "d"
        : ConsonantY(v) ? v[..^1] + "ied"
        : DoublesFinal(v) ? v + v[^1] + "ed"
        : v + "ed");

    public static string Ing(string verb) => OnFirst(verb, v =>
        v.EndsWith("ie", StringComparison.Ordinal) ? v[..^2] + "ying"
        : v.EndsWith('e') && !EndsWithAny(v, "ee", "oe", "ye") && v.Length > 2 ? v[..^1] + "ing"
        : DoublesFinal(v) ? v + v[^1] + "ing"
        : v + "ing");

    public static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>"the cup", "the cup and the spoon", "the cup, the pen and the spoon".</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "nothing",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    public static string Number(int n) => n < TinyWorldLexicon.Numbers.Length ? TinyWorldLexicon.Numbers[n] : n.ToString();

    private static bool VowelSound(string w) =>
        StartsWithAny(w, "hour", "honest", "honor") ||
        ("aeiou".Contains(w[0]) && !StartsWithAny(w, "uni", "use", "eu", "one", "ukulele"));

    private static bool StartsWithAny(string w, params string[] prefixes) =>
        prefixes.Any(p => w.StartsWith(p, StringComparison.Ordinal));

    private static bool EndsWithAny(string w, params string[] endings) =>
        endings.Any(e => w.EndsWith(e, StringComparison.Ordinal));

    private static bool IsVowel(char c) => "aeiou".Contains(c);

    private static bool ConsonantY(string w) => w.Length > 1 && w[^1] == 'y' && !IsVowel(w[^2]);

    // One-syllable words ending consonant-vowel-consonant double the consonant: stop -> stopped, swim -> swimming.
    private static bool DoublesFinal(string w) =>
        w.Length >= 3 && !"wxy".Contains(w[^1]) && !IsVowel(w[^1]) && IsVowel(w[^2]) && !IsVowel(w[^3]) &&
        w.Where((c, i) => IsVowel(c) && (i == 0 || !IsVowel(w[i - 1]))).Count() == 1;

    private static string OnLast(string phrase, Func<string, string> inflect)
    {
        var space = phrase.LastIndexOf(' ');
        return phrase[..(space + 1)] + inflect(phrase[(space + 1)..]);
    }

    private static string OnFirst(string phrase, Func<string, string> inflect)
    {
        var space = phrase.IndexOf(' ');
        return space < 0 ? inflect(phrase) : inflect(phrase[..space]) + phrase[space..];
    }
}
