namespace Promptmark.Api.Engines.Playbooks;

/// <summary>The type names of inputs and <c>@output</c> (spec/inputs.md, spec/directives.md): aliases, case-insensitive, unknown means string.</summary>
public static class ValueTypes
{
    public const string Enum = "enum";
    public const string Json = "json";

    static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["string"] = "string", ["text"] = "text",
        ["number"] = "number", ["num"] = "number", ["int"] = "number", ["float"] = "number",
        ["boolean"] = "boolean", ["bool"] = "boolean",
        ["enum"] = Enum, ["select"] = Enum, ["choice"] = Enum,
        ["json"] = Json,
    };

    /// <summary>The canonical type of an <c>@output</c> annotation.</summary>
    public static string OfOutput(string written) => Aliases.GetValueOrDefault(written.Trim(), "string");

    /// <summary>The canonical type of an input: as for outputs, except that <c>json</c> is not an input type and reads as string.</summary>
    public static string OfInput(string written) => OfOutput(written) is var type && type == Json ? "string" : type;
}
