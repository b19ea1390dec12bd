using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using ScalarEvent = YamlDotNet.Core.Events.Scalar;

namespace Promptmark.Api.Features.Skills;

/// <summary>
/// Reads front matter YAML from YamlDotNet's event stream into <see cref="FrontMatterNode"/>s.
/// Walking events ourselves bounds nesting (the representation model recurses without limit) and keeps
/// duplicate keys visible; aliases share the anchored node, so "billion laughs" input stays as small as its text.
/// </summary>
internal sealed class FrontMatterReader
{
    private static readonly HashSet<string> NullWords = ["", "~", "null", "Null", "NULL"];

    private readonly Parser _parser;
    private readonly int _lineOffset;
    private readonly Dictionary<string, FrontMatterNode> _anchors = new(StringComparer.Ordinal);
    private int _depth;

    private FrontMatterReader(string yaml, int firstLine)
    {
        _parser = new Parser(new StringReader(yaml));
        _lineOffset = firstLine - 1;
    }

    public static (FrontMatterMap? Map, SkillProblem? Problem) Read(string yaml, int firstLine)
    {
        var reader = new FrontMatterReader(yaml, firstLine);
        try
        {
            return reader.ReadRoot();
        }
        catch (YamlException error)
        {
            return (null, new SkillProblem("front-matter",
                $"front matter is not valid YAML at {reader.Position(error.Start)}: {Sentence(error.Message)}{QuotingHint(error.Message)}"));
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException)
        {
            // YamlDotNet throws these instead of YamlException for a few inputs, such as an empty tag "!<>",
            // an escape beyond Unicode or stray surrogates; their messages name its internals, not the YAML.
            return (null, new SkillProblem("front-matter",
                "front matter is not valid YAML: it holds a tag, escape or character YAML cannot read; look for stray \"!\", \"\\\" and control characters"));
        }
    }

    private (FrontMatterMap? Map, SkillProblem? Problem) ReadRoot()
    {
        _parser.Consume<StreamStart>();
        if (_parser.TryConsume<StreamEnd>(out _))
            return (FrontMatterMap.Empty, null);

        _parser.Consume<DocumentStart>();
        var root = ReadNode();
        _parser.Consume<DocumentEnd>();
        if (_parser.Accept<DocumentStart>(out var second))
            return (null, new SkillProblem("front-matter",
                $"front matter must be a single YAML document, but another one starts at {Position(second.Start)}; remove the \"---\" or \"...\" line there"));

        return root switch
        {
            FrontMatterMap map => (map, null),
            { IsAbsent: true } => (FrontMatterMap.Empty, null),
            _ => (null, new SkillProblem("front-matter",
                $"front matter must be a YAML mapping of fields such as \"name: my-skill\", found {root.Kind}")),
        };
    }

    private FrontMatterNode ReadNode()
    {
        if (_parser.TryConsume<AnchorAlias>(out var alias))
            return _anchors.TryGetValue(alias.Value.Value, out var anchored)
                ? anchored
                : throw new YamlException(alias.Start, alias.End, $"the alias *{alias.Value.Value} refers to no anchor defined before it");

        if (_parser.TryConsume<ScalarEvent>(out var scalar))
            return Remember(scalar, new FrontMatterText(scalar.Value, scalar.IsPlainImplicit && NullWords.Contains(scalar.Value)));

        if (_parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            Enter(sequenceStart);
            var items = new List<FrontMatterNode>();
            while (!_parser.TryConsume<SequenceEnd>(out _))
                items.Add(ReadNode());
            _depth--;
            return Remember(sequenceStart, new FrontMatterList(items));
        }

        var mappingStart = _parser.Consume<MappingStart>();
        Enter(mappingStart);
        var entries = new List<FrontMatterEntry>();
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var keyLine = _parser.Current!.Start.Line + _lineOffset;
            var key = ReadNode() is FrontMatterText text ? text.Text : null;
            entries.Add(new FrontMatterEntry(key, (int)keyLine, ReadNode()));
        }
        _depth--;
        return Remember(mappingStart, new FrontMatterMap(entries));
    }

    private void Enter(NodeEvent collectionStart)
    {
        if (++_depth > SkillLimits.FrontMatterMaxNesting)
            throw new YamlException(collectionStart.Start, collectionStart.End,
                $"values are nested more than {SkillLimits.FrontMatterMaxNesting} levels deep");
    }

    // Anchors are registered once their node is complete, so an alias can never point into itself.
    private FrontMatterNode Remember(NodeEvent nodeEvent, FrontMatterNode node)
    {
        if (!nodeEvent.Anchor.IsEmpty)
            _anchors[nodeEvent.Anchor.Value] = node;
        return node;
    }

    private string Position(Mark mark) => $"line {mark.Line + _lineOffset}, column {mark.Column}";

    private static string Sentence(string message) =>
        message.Length > 0 ? char.ToLowerInvariant(message[0]) + message[1..] : message;

    private static string QuotingHint(string message) =>
        message.Contains("invalid mapping", StringComparison.OrdinalIgnoreCase)
        || message.Contains("mapping values are not allowed", StringComparison.OrdinalIgnoreCase)
            ? " Put values that contain \": \" in quotes."
            : "";
}
