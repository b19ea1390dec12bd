namespace Promptmark.Api.Features.Conversations;

public static class ConversationRoles
{
    public const string System = "system";
    public const string User = "user";
    public const string Assistant = "assistant";

    /// <summary>The result of a tool call, stored by the tool loop; never imported.</summary>
    public const string Tool = "tool";

    public static readonly string[] All = [System, User, Assistant];
}
