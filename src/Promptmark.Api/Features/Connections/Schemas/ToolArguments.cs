using System.Text.Json;

namespace Promptmark.Api.Features.Connections.Schemas;

/// <summary>What a check found: the problems as <c>"path: message"</c> lines, the work it took, and whether it gave up.</summary>
/// <param name="TooComplex">The schema asked for more work than the step budget allows; <paramref name="Problems"/> is then incomplete.</param>
public sealed record ArgumentCheck(IReadOnlyList<string> Problems, int Steps, bool TooComplex)
{
    public bool Valid => Problems.Count == 0 && !TooComplex;
}

/// <summary>
/// Checks the arguments of a call to a remote MCP tool against the tool's published <c>inputSchema</c>
/// before the call is sent, so that mistakes come back as plain, field-named messages.
/// </summary>
public static class ToolArguments
{
    public const int MaxErrors = 20;
    public const int MaxSteps = SchemaWalker.MaxSteps;
    public const int MaxDepth = SchemaWalker.MaxDepth;

    /// <summary>
    /// Returns what is wrong with <paramref name="arguments"/> as <c>"path: message"</c> lines
    /// (<c>items[2].name: must be at most 10 characters</c>), in schema order and at most <see cref="MaxErrors"/>;
    /// no problems when the arguments are valid. The arguments must be a JSON object (pass <c>{}</c> for none).
    /// An absent, empty or <c>true</c> schema accepts any object; unknown keywords and unresolvable
    /// <c>$ref</c>s are no constraint. A schema that needs more than the step budget is reported as too complex.
    /// </summary>
    public static ArgumentCheck Validate(JsonElement inputSchema, JsonElement arguments, CancellationToken cancellationToken = default)
    {
        if (arguments.ValueKind != JsonValueKind.Object)
            return new ArgumentCheck([$"{ArgumentPath.Root}: must be a JSON object"], 0, false);

        var errors = new ErrorList(MaxErrors);
        var walker = new SchemaWalker(inputSchema, cancellationToken);
        walker.Check(inputSchema, arguments, ArgumentPath.Root, errors);
        return new ArgumentCheck(errors.Items.Select(error => $"{error.Path}: {error.Message}").ToList(), walker.Steps, walker.TooComplex);
    }
}
