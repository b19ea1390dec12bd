namespace Promptmark.Api.Features.Conversations.Turns;

/// <summary><c>Promptmark:Conversations</c>: the bounds of the tool loop.</summary>
public sealed class ConversationOptions
{
    public const string SectionName = "Promptmark:Conversations";

    /// <summary>Model calls per message; the tool calls of the last one are refused rather than run.</summary>
    public int MaxToolIterations { get; set; } = 10;

    public int ToolCallTimeoutSeconds { get; set; } = 60;

    /// <summary>civic:rest-auth: how often the hub is asked whether the user has authorized a service.</summary>
    public int AuthorizationPollMilliseconds { get; set; } = 1500;

    /// <summary>civic:rest-auth: how long the user has to authorize before the call is given up.</summary>
    public int AuthorizationTimeoutSeconds { get; set; } = 120;

    /// <summary>Authorizations one tool call may ask for in a row (a tool that reaches several services) before it is given up.</summary>
    public int MaxChainedAuthorizations { get; set; } = 10;
}

public static class ConversationServices
{
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.SectionName)
            .Validate(o => o.MaxToolIterations >= 1 && o.ToolCallTimeoutSeconds >= 1, "Promptmark:Conversations needs MaxToolIterations and ToolCallTimeoutSeconds of at least 1")
            .Validate(o => o.AuthorizationPollMilliseconds >= 10 && o.AuthorizationTimeoutSeconds >= 1 && o.MaxChainedAuthorizations >= 1,
                "Promptmark:Conversations needs AuthorizationPollMilliseconds of at least 10, AuthorizationTimeoutSeconds and MaxChainedAuthorizations of at least 1")
            .ValidateOnStart();
        services.AddSingleton(StreamMessageEndpoint.Documentation);
        services.AddSingleton(StreamDecisionEndpoint.Documentation);
        return services.AddSingleton<TurnRunner>();
    }
}
