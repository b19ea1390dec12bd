using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Promptmark.Api.Infrastructure.Mcp;

/// <summary>
/// An MCP tool that needs nothing of its session but the caller and the request's services: it sends no progress, log
/// message or request to the client while it runs. <see cref="DirectToolCalls"/> may call it beside the SDK's pipeline.
/// </summary>
public interface IDirectTool
{
    /// <summary>The tool's answer in the form <see cref="DirectToolCalls"/> writes without reading it again.</summary>
    ValueTask<DirectToolAnswer> AnswerAsync(RequestContext<CallToolRequestParams> context, CancellationToken ct);
}
