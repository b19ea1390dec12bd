namespace Promptmark.Api.Engines.Models;

/// <summary>
/// The wire protocols a provider can speak. The three hosted providers are known by name; any other name the user
/// chooses is an OpenAI-compatible server (Ollama, vLLM, LM Studio, llama.cpp) at a base URL they give.
/// </summary>
public static class ProviderKinds
{
    public const string OpenAi = "openai";
    public const string Anthropic = "anthropic";
    public const string OpenRouter = "openrouter";
    public const string OpenAiCompatible = "openai_compatible";

    public static bool IsHosted(string name) => name is OpenAi or Anthropic or OpenRouter;

    public static string ForName(string name) => IsHosted(name) ? name : OpenAiCompatible;

    /// <summary>Where a hosted provider's API lives; null for an OpenAI-compatible server, whose URL the user must give.</summary>
    public static Uri? DefaultBaseUrl(string kind) => kind switch
    {
        OpenAi => new Uri("https://api.openai.com/v1"),
        OpenRouter => new Uri("https://openrouter.ai/api/v1"),
        Anthropic => new Uri("https://api.anthropic.com"),
        _ => null,
    };
}
