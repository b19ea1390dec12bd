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

    public InputCheck Validate(IReadOnlyDictionary<string, JsonElement>? inputs) =>
        InputResolver.Resolve(Variables, _indexByName, inputs).Check;

    public RenderResult Render(IReadOnlyDictionary<string, JsonElement>? inputs)
    {
        var (values, check) = InputResolver.Resolve(Variables, _indexByName, inputs);
        return check.Valid
            ? new RenderResult(Compose(values!), check)
            : new RenderResult(null, check);
    }

    private string Compose(string[] values)
    {
        var length = 0;
        foreach (var segment in _segments)
            length += segment.IsLiteral ? segment.Length : values[segment.VariableIndex].Length;

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
