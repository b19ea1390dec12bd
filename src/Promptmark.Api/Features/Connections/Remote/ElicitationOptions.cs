namespace Promptmark.Api.Features.Connections.Remote;

/// <summary>
/// How long the user has to answer a remote tool's question (MCP elicitation), in a conversation turn or a Try-it stream,
/// before it is answered <c>cancel</c>. Read from <c>Promptmark:Conversations</c>, where conversations first offered it.
/// </summary>
public sealed class ElicitationOptions
{
    public const string SectionName = "Promptmark:Conversations";

    public int ElicitationTimeoutSeconds { get; set; } = 300;
}
