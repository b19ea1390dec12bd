namespace Promptmark.Api.Features.Conversations;

public static class ConversationRoles
{
    public const string System = "system";
    public const string User = "user";
    public const string Assistant = "assistant";

    public static readonly string[] All = [System, User, Assistant];
}
