namespace Promptmark.Api.Features.Conversations;

/// <summary>Where a conversation came from: made here, or imported.</summary>
public static class ConversationSources
{
    public const string Native = "native";
    public const string Json = "json";

    public static readonly string[] All = [Native, "claude", "chatgpt", Json, "markdown"];
    public static readonly string[] Imported = All.Where(s => s != Native).ToArray();
}
