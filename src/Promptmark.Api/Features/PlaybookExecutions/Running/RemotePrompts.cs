using Marten;
using Promptmark.Api.Engines.Playbooks.Execution;
using Promptmark.Api.Features.Connections;
using Promptmark.Api.Features.Connections.Remote;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Features.PlaybookExecutions.Running;

/// <summary><c>@prompt(mcp:server/prompt-name)</c>: the prompt, as its server gives it, from the caller's connection named <c>server</c>.</summary>
internal static class RemotePrompts
{
    public static async Task<ResolvedPrompt> ResolveAsync(StepServices services, IDocumentSession session, string identifier, string ignored, CancellationToken ct)
    {
        var slash = identifier.LastIndexOf('/');
        if (slash <= 0 || slash == identifier.Length - 1) return ResolvedPrompt.Unavailable(ignored + "write it as mcp:connection/prompt-name");
        var connection = await session.FindConnectionByNameAsync(identifier[..slash], ct);
        if (connection is null) return ResolvedPrompt.Unavailable(ignored + $"no connection named \"{identifier[..slash]}\"");
        if (!connection.IsActive) return ResolvedPrompt.Unavailable(ignored + "the connection is inactive");
        try
        {
            var text = await services.Remote.GetPromptTextAsync(await services.Endpoints.ForAsync(session, connection, ct), identifier[(slash + 1)..], ct);
            return new ResolvedPrompt(text, null);
        }
        catch (Exception failure) when (failure is RemoteServerException or SliceException)
        {
            return ResolvedPrompt.Unavailable(ignored + failure.Message);
        }
    }
}
