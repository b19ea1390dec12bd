namespace Promptmark.Api.Features.Conversations.Turns;

/// <summary><c>Promptmark:Conversations</c>: the bounds of the tool loop.</summary>
public sealed class ConversationOptions
{
    public const string SectionName = "Promptmark:Conversations";

    /// <summary>Model calls per message; the tool calls of the last one are refused rather than run.</summary>
    public int MaxToolIterations { get; set; } = 10;

    public int ToolCallTimeoutSeconds { get; set; } = 60;
}

public static class ConversationServices
{
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.SectionName)
            .Validate(o => o.MaxToolIterations >= 1 && o.ToolCallTimeoutSeconds >= 1, "Promptmark:Conversations needs MaxToolIterations and ToolCallTimeoutSeconds of at least 1")
            .ValidateOnStart();
        services.AddSingleton(StreamMessageEndpoint.Documentation);
        return services.AddSingleton<TurnRunner>();
    }
}
