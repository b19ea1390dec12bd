using System.Text.Json;

namespace Promptmark.Api.Features.Prompts.Templates;

internal enum InputKind { Missing, String, Number, Boolean, List, Object }

/// <summary>A JSON input read once into its kind and its text (the string, the number as written, or true/false).</summary>
internal readonly record struct InputValue(InputKind Kind, string? Text)
{
    public static readonly InputValue Missing = new(InputKind.Missing, null);

    public bool IsBlank => Kind == InputKind.Missing || (Kind == InputKind.String && string.IsNullOrWhiteSpace(Text));

    public static InputValue Read(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => new(InputKind.String, element.GetString()),
        JsonValueKind.Number => new(InputKind.Number, element.GetRawText()),
        JsonValueKind.True => new(InputKind.Boolean, "true"),
        JsonValueKind.False => new(InputKind.Boolean, "false"),
        JsonValueKind.Array => new(InputKind.List, null),
        JsonValueKind.Object => new(InputKind.Object, null),
        _ => Missing,
    };

    /// <summary>How the value reads in a message: a quoted string, the bare number or boolean, or its shape.</summary>
    public string Describe() => Kind switch
    {
        InputKind.String => MessageText.Quote(Text),
        InputKind.Number or InputKind.Boolean => Text!,
        InputKind.List => "a list",
        InputKind.Object => "an object",
        _ => "nothing",
    };
}
