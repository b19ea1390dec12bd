using System.Diagnostics.CodeAnalysis;

namespace Promptmark.Api.Engines.Models;

/// <summary>
/// A model as the user names it: <c>provider/model</c>, e.g. <c>anthropic/claude-sonnet-4</c> or <c>ollama/llama3.2</c>.
/// The model part may itself contain slashes (OpenRouter's <c>openrouter/meta-llama/llama-3.1-8b</c>).
/// </summary>
public sealed record ModelId(string Provider, string Model)
{
    public const string Format = "provider/model, e.g. openai/gpt-4o";

    public static bool TryParse(string? value, [NotNullWhen(true)] out ModelId? id)
    {
        id = null;
        var slash = value?.IndexOf('/') ?? -1;
        if (value is null || slash <= 0 || slash == value.Length - 1 || value.Any(char.IsWhiteSpace))
            return false;
        id = new ModelId(value[..slash].ToLowerInvariant(), value[(slash + 1)..]);
        return true;
    }

    public override string ToString() => $"{Provider}/{Model}";
}
