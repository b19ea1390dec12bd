namespace Promptmark.Api.Features.Conversations;

/// <summary>Where a conversation came from: made here, or imported (the import file formats carry the same names).</summary>
public static class ConversationSources
{
    public const string Native = "native";
    public const string Claude = "claude";
    public const string ChatGpt = "chatgpt";
    public const string Json = "json";
    public const string Markdown = "markdown";

    public static readonly string[] All = [Native, Claude, ChatGpt, Json, Markdown];
    public static readonly string[] Imported = All.Where(s => s != Native).ToArray();
}
