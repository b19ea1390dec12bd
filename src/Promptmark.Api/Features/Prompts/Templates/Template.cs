using System.Text.Json;

namespace Promptmark.Api.Features.Prompts.Templates;

/// <summary>Prompt content with its <c>{{variables}}</c> found; a prompt is a template when it has at least one.</summary>
public sealed class Template
{
    private readonly string _content;
    private readonly TemplateSlot[] _slots;
    // The literal content after the last slot runs from here to the end.
    private readonly int _tailStart;
    // The rendered length is the literal text plus each value times its slots: a sum over variables, not segments.
    private readonly int _literalLength;
    private readonly int[] _slotsByVariable;

    internal Template(
        string content,
        TemplateSlot[] slots,
        int tailStart,
        IReadOnlyList<TemplateVariable> variables,
        IReadOnlyList<TemplateWarning> warnings)
    {
        _content = content;
        _slots = slots;
        _tailStart = tailStart;
        Variables = variables;
        Warnings = warnings;
        var literalLength = content.Length - tailStart;
        _slotsByVariable = new int[variables.Count];
        foreach (var slot in slots)
        {
            literalLength += slot.LiteralLength;
            _slotsByVariable[slot.VariableIndex]++;
        }
        _literalLength = literalLength;
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
        var (values, check) = InputResolver.Resolve(Variables, inputs);
        if (check.Valid) MeasureWithin(values!, maxLength);
        return check;
    }

    /// <exception cref="RenderedTooLongException">The inputs are valid but the rendered text would be longer than
    /// <paramref name="maxLength"/> characters.</exception>
    public RenderResult Render(IReadOnlyDictionary<string, JsonElement>? inputs, int maxLength = TemplateOptions.DefaultMaxRenderedLength)
    {
        var (values, check) = InputResolver.Resolve(Variables, inputs);
        return check.Valid
            ? new RenderResult(Compose(values!, MeasureWithin(values!, maxLength)), check)
            : new RenderResult(null, check);
    }

    /// <summary>The length of the text the values render to, checked against the limit before any text is built.</summary>
    private int MeasureWithin(string[] values, int maxLength)
    {
        long length = _literalLength;
        for (var i = 0; i < values.Length; i++)
            length += (long)_slotsByVariable[i] * values[i].Length;
        if (length > maxLength) throw new RenderedTooLongException(maxLength);
        return (int)length;
    }

    private string Compose(string[] values, int length) =>
        string.Create(length, (Template: this, Values: values), static (output, state) =>
        {
            var (template, values) = state;
            var content = template._content.AsSpan();
            var at = 0;
            foreach (var slot in template._slots)
            {
                content.Slice(slot.LiteralStart, slot.LiteralLength).CopyTo(output[at..]);
                at += slot.LiteralLength;
                var value = values[slot.VariableIndex];
                value.CopyTo(output[at..]);
                at += value.Length;
            }
            content[template._tailStart..].CopyTo(output[at..]);
        });
}
