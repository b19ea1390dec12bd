using System.Text.Json;

namespace Promptmark.Api.Features.Prompts.Templates;

/// <summary>Prompt content with its <c>{{variables}}</c> found; a prompt is a template when it has at least one.</summary>
public sealed class Template
{
    private readonly string _content;
    private readonly TemplateSegment[] _segments;
    private readonly Dictionary<string, int> _indexByName;

    internal Template(
        string content,
        TemplateSegment[] segments,
        IReadOnlyList<TemplateVariable> variables,
        Dictionary<string, int> indexByName,
        IReadOnlyList<TemplateWarning> warnings)
    {
        _content = content;
        _segments = segments;
        _indexByName = indexByName;
        Variables = variables;
        Warnings = warnings;
    }

    public IReadOnlyList<TemplateVariable> Variables { get; }

    public IReadOnlyList<TemplateWarning> Warnings { get; }

    public bool IsTemplate => Variables.Count > 0;

    /// <summary>Never throws: anything that is not a valid variable stays literal and is reported in <see cref="Warnings"/>.</summary>
    public static Template Parse(string content) => TemplateScanner.Scan(content ?? string.Empty);

    /// <summary>Checks the inputs, and that the text they render to would fit in <paramref name="maxLength"/>.</summary>
    /// <exception cref="RenderedTooLongException">The inputs are valid but the rendered text would be too long.</exception>
    public InputCheck Validate(IReadOnlyDictionary<string, JsonElement>? inputs, int maxLength = TemplateOptions.DefaultMaxRenderedLength)
    {
        var (values, check) = InputResolver.Resolve(Variables, _indexByName, inputs);
        if (check.Valid) MeasureWithin(values!, maxLength);
        return check;
    }

    /// <exception cref="RenderedTooLongException">The inputs are valid but the rendered text would be longer than
    /// <paramref name="maxLength"/> characters.</exception>
    public RenderResult Render(IReadOnlyDictionary<string, JsonElement>? inputs, int maxLength = TemplateOptions.DefaultMaxRenderedLength)
    {
        var (values, check) = InputResolver.Resolve(Variables, _indexByName, inputs);
        return check.Valid
            ? new RenderResult(Compose(values!, MeasureWithin(values!, maxLength)), check)
            : new RenderResult(null, check);
    }

    /// <summary>Adds up the pieces and stops at the first one that passes the limit, before any text is built.</summary>
    private int MeasureWithin(string[] values, int maxLength)
    {
        long length = 0;
        foreach (var segment in _segments)
        {
            length += segment.IsLiteral ? segment.Length : values[segment.VariableIndex].Length;
            if (length > maxLength) throw new RenderedTooLongException(maxLength);
        }
        return (int)length;
    }

    private string Compose(string[] values, int length)
    {
        return string.Create(length, (Content: _content, Segments: _segments, Values: values), static (output, state) =>
        {
            foreach (var segment in state.Segments)
            {
                var piece = segment.IsLiteral
                    ? state.Content.AsSpan(segment.Start, segment.Length)
                    : state.Values[segment.VariableIndex];
                piece.CopyTo(output);
                output = output[piece.Length..];
            }
        });
    }
}
