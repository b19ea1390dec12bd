namespace Promptmark.Api.Engines.Playbooks.Execution;

/// <summary>Responses to <c>@elicit</c> (spec/directives.md): what each type accepts, and where the response is kept.</summary>
public static class Elicitations
{
    public const string ResponsePrefix = "__elicit_step_";

    /// <summary>The named output a response is stored under: <c>__elicit_step_N</c> (N the step's label, "2a" for a sub-step).</summary>
    public static string ResponseName(string label) => ResponsePrefix + label;

    /// <summary>The response as stored (confirm answers read as yes or no, a select option as spelled), or why it does not fit.</summary>
    public static (string? Accepted, string? Refusal) Accept(Elicitation elicitation, string response)
    {
        var trimmed = response.Trim();
        switch (elicitation.Type.ToLowerInvariant())
        {
            case "confirm":
                return trimmed.ToLowerInvariant() switch
                {
                    "yes" or "y" or "true" => ("yes", null),
                    "no" or "n" or "false" => ("no", null),
                    _ => (null, "must be yes or no"),
                };
            case "select":
                var options = elicitation.Options ?? [];
                return options.FirstOrDefault(o => o.Equals(trimmed, StringComparison.OrdinalIgnoreCase)) is { } option
                    ? (option, null) : (null, "must be one of: " + string.Join(", ", options));
            default:
                return (response, null);
        }
    }
}
