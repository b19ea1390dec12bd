namespace Promptmark.Api.Features.Prompts;

public static class PromptTypes
{
    public const string General = "general";

    public static readonly IReadOnlyList<string> All =
        [General, "system", "query", "text-to-image", "text-to-video", "text-to-speech", "text-to-code", "agent"];

    public static bool IsKnown(string type) => All.Contains(type);
}
