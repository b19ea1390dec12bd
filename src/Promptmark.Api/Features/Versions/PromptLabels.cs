using System.Text.RegularExpressions;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Versions;

/// <summary>A prompt's labels after a change: which version number each name points at.</summary>
public sealed record PromptLabels(Guid PromptId, int CurrentVersion, IReadOnlyDictionary<string, int> Labels)
{
    public static PromptLabels Of(Prompt prompt) => new(prompt.Id, prompt.Version, prompt.Labels);
}

/// <summary>The names a label may have, and the label that MCP's prompts/get serves.</summary>
public static partial class LabelNames
{
    /// <summary>The label whose version MCP clients get from prompts/get: the approved text, not the latest draft.</summary>
    public const string Production = "production";

    public const int MaxPerPrompt = 20;

    public static void Check(string label, InputErrors errors) =>
        errors.When(!Pattern().IsMatch(label), "label",
            "must start with a lowercase letter and use only lowercase letters, digits, - and _ (at most 40 characters)");

    [GeneratedRegex("^[a-z][a-z0-9_-]{0,39}$")]
    private static partial Regex Pattern();
}
