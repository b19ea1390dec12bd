namespace Promptmark.Api.Engines.Playbooks.Execution;

/// <summary>
/// Resolves <c>@prompt(...)</c> at step time (spec/directives.md): <c>{{name}}</c> is the variable's text (an undefined
/// one fails the step); <c>scheme:identifier</c> and a bare identifier (read as <c>library:</c>) go to the host with
/// their <c>{{variables}}</c> filled in, and what cannot be had becomes a warning on the step, which runs with its own content.
/// </summary>
public static class PromptReferences
{
    public static async Task<string?> ResolveAsync(string argument, IReadOnlyDictionary<string, string> variables, IStepHost host, StepRecord record, CancellationToken ct)
    {
        if (Interpolation.SoleName(argument) is { } name)
            return variables.TryGetValue(name, out var text) ? text
                : throw new StepFailedException($"@prompt({{{{{name}}}}}): {name} is neither an input nor an earlier output");
        if (PromptSchemes.Refusal(argument) is { } refusal)
        {
            record.Warnings.Add(refusal);
            return null;
        }
        var colon = argument.IndexOf(':');
        var (scheme, identifier) = colon < 0 ? ("library", argument) : (argument[..colon].ToLowerInvariant(), argument[(colon + 1)..]);
        var resolved = await host.ResolvePromptAsync(scheme, Interpolation.Render(identifier, variables).Trim(), variables, ct);
        if (resolved.Warning is { } warning) record.Warnings.Add(warning);
        return resolved.Text;
    }
}
