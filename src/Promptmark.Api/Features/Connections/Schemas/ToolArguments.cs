using System.Text.Json;

namespace Promptmark.Api.Features.Connections.Schemas;

/// <summary>
/// Checks the arguments of a call to a remote MCP tool against the tool's published <c>inputSchema</c>
/// before the call is sent, so that mistakes come back as plain, field-named messages.
/// </summary>
public static class ToolArguments
{
    public const int MaxErrors = 20;

    /// <summary>
    /// Returns what is wrong with <paramref name="arguments"/> as <c>"path: message"</c> lines
    /// (<c>items[2].name: must be at most 10 characters</c>), in schema order and at most <see cref="MaxErrors"/>;
    /// an empty list when the arguments are valid. The arguments must be a JSON object (pass <c>{}</c> for none).
    /// An absent, empty or <c>true</c> schema accepts any object; unknown keywords and unresolvable
    /// <c>$ref</c>s are no constraint.
    /// </summary>
    public static IReadOnlyList<string> Validate(JsonElement inputSchema, JsonElement arguments)
    {
        if (arguments.ValueKind != JsonValueKind.Object)
            return [$"{ArgumentPath.Root}: must be a JSON object"];

        var errors = new ErrorList(MaxErrors);
        new SchemaWalker(inputSchema).Check(inputSchema, arguments, ArgumentPath.Root, errors);
        return errors.Items.Select(error => $"{error.Path}: {error.Message}").ToList();
    }
}
