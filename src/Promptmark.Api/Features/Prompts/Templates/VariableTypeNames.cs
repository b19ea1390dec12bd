namespace Promptmark.Api.Features.Prompts.Templates;

public static class VariableTypeNames
{
    private static readonly (string Alias, VariableType Type)[] Aliases =
    [
        ("string", VariableType.String),
        ("text", VariableType.Text),
        ("number", VariableType.Number),
        ("num", VariableType.Number),
        ("int", VariableType.Number),
        ("float", VariableType.Number),
        ("boolean", VariableType.Boolean),
        ("bool", VariableType.Boolean),
        ("enum", VariableType.Enum),
        ("select", VariableType.Enum),
        ("choice", VariableType.Enum),
    ];

    public static string ToWireName(this VariableType type) => type switch
    {
        VariableType.String => "string",
        VariableType.Text => "text",
        VariableType.Number => "number",
        VariableType.Boolean => "boolean",
        VariableType.Enum => "enum",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Reads a type name or alias, case-insensitively; an empty name means string.</summary>
    public static bool TryParse(ReadOnlySpan<char> name, out VariableType type)
    {
        type = VariableType.String;
        if (name.IsEmpty)
            return true;

        foreach (var (alias, aliasType) in Aliases)
        {
            // The length is compared first so that only same-length aliases pay for a case-insensitive comparison.
            if (name.Length == alias.Length && name.Equals(alias, StringComparison.OrdinalIgnoreCase))
            {
                type = aliasType;
                return true;
            }
        }
        return false;
    }
}
