using Microsoft.AspNetCore.Http.Features;
using Promptmark.Api.Infrastructure.Auth;

namespace Promptmark.Api.Infrastructure.Mcp;

/// <summary>
/// Answers a <c>POST /mcp</c> whose whole answer is one JSON-RPC response as <c>application/json</c> instead of a
/// one-event SSE stream. Streamable HTTP lets the server choose either, and clients must accept both; the MCP SDK
/// always streams, and flushes the SSE headers before the tool even runs. An SSE answer costs the server three socket
/// writes (headers, event, last chunk) and the client an SSE parse where a JSON answer is one write; the bench's MCP
/// door split showed the sends as the largest part of the transport's processor time.
/// </summary>
/// <remarks>
/// The transport's writes are held (<see cref="HeldAnswerStream"/>) until they show what the answer is. The moment a
/// message other than the response appears (progress, a log message, an elicitation the client must answer before the
/// call can finish) everything held is sent and the answer streams as before, so nothing waits on the hold.
/// </remarks>
public static class JsonAnswers
{
    public static IApplicationBuilder UseMcpJsonAnswers(this IApplicationBuilder app) =>
        app.UseWhen(http => ProtectedResource.IsMcpPost(http.Request), branch => branch.Use(HoldAsync));

    private static async Task HoldAsync(HttpContext http, RequestDelegate next)
    {
        var original = http.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var held = new HeldAnswerStream(original.Stream);
        var holding = new StreamResponseBodyFeature(held, original);
        http.Features.Set<IHttpResponseBodyFeature>(holding);
        try
        {
            await next(http);
            await holding.CompleteAsync();
        }
        finally
        {
            http.Features.Set(original);
        }
        await held.ReleaseAsync(http.Response, http.RequestAborted);
    }
}
