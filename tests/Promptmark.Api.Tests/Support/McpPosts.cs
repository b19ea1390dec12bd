using Alba;

namespace Promptmark.Api.Tests.Support;

/// <summary>A raw <c>POST /mcp</c> as a Streamable HTTP client sends it, for tests that look at the wire itself.</summary>
public static class McpPosts
{
    public const string ProtocolVersion = "2025-11-25";

    public static void PostMcp(this Scenario s, TestUser user, string body, string? session, int expected = 200)
    {
        s.Post.Text(body).ToUrl("/mcp");
        s.WithRequestHeader("Content-Type", "application/json");
        s.WithRequestHeader("Accept", "application/json, text/event-stream");
        if (session is not null)
        {
            s.WithRequestHeader("Mcp-Session-Id", session);
            s.WithRequestHeader("MCP-Protocol-Version", ProtocolVersion);
        }
        s.WithBearerToken(user.Token);
        s.StatusCodeShouldBe(expected);
    }
}
