using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ContrastivePipeline.Configuration;

/// <summary>
/// YamlDotNet's parser, bounded: building the node tree recurses once per nesting level (`name: ` followed by 40,000
/// `[` overflowed the process stack, which no catch can handle), so nesting stops at a depth no experiment needs. It
/// also remembers where the last event ended, to place the errors YamlDotNet throws without a position.
/// </summary>
internal sealed class GuardedParser(IParser parser, string path) : IParser
{
    /// <summary>An experiment nests sections three levels deep (resources: TrainFinal: gpus); this leaves room for lists.</summary>
    public const int MaxDepth = 16;

    int depth;

    public ParsingEvent? Current => parser.Current;

    /// <summary>Where the last event read ended: the last place known to be well-formed.</summary>
    public Mark Last { get; private set; } = Mark.Empty;

    public bool MoveNext()
    {
        if (!parser.MoveNext())
            return false;
        var current = parser.Current!;
        Last = current.End;
        depth += current switch
        {
            MappingStart or SequenceStart => 1,
            MappingEnd or SequenceEnd => -1,
            _ => 0,
        };
        if (depth > MaxDepth)
            throw new ConfigException($"{path}:{current.Start.Line}:{current.Start.Column}: nested more than {MaxDepth} levels deep; " +
                "an experiment is sections of keys and short lists. Close the brackets or fix the indentation.");
        return true;
    }
}
