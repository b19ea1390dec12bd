using System.Text.Json;
using Alba;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.OAuth;

/// <summary>How an OAuth client discovers where to get a token for <c>/mcp</c> (RFC 9728, MCP authorization 2025-11-25).</summary>
public sealed class ResourceMetadataTests(PromptmarkApp app)
{
    [Fact]
    public async Task mcp_without_credentials_names_its_resource_metadata_in_the_challenge()
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Text("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""").ToUrl("/mcp");
            s.WithRequestHeader("Content-Type", "application/json");
            s.WithRequestHeader("Accept", "application/json, text/event-stream");
            s.StatusCodeShouldBe(401);
        });
        result.Context.Response.Headers.WWWAuthenticate.ToString()
            .ShouldContain("Bearer realm=\"promptmark\", resource_metadata=\"http://localhost/.well-known/oauth-protected-resource/mcp\"");
    }

    [Theory]
    [InlineData("/.well-known/oauth-protected-resource/mcp")]
    [InlineData("/.well-known/oauth-protected-resource")]
    public async Task the_metadata_names_the_mcp_resource_and_promptmark_as_its_authorization_server(string path)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url(path);
            s.StatusCodeShouldBe(200);
        });
        var metadata = await result.ReadAsJsonAsync<JsonElement>();
        metadata.GetProperty("resource").GetString().ShouldBe("http://localhost/mcp");
        metadata.GetProperty("authorization_servers")[0].GetString().ShouldBe("http://localhost/");
        metadata.GetProperty("scopes_supported").EnumerateArray().Select(s => s.GetString()).ShouldBe(["read", "write", "execute"]);
    }

    [Fact]
    public async Task the_authorization_server_metadata_offers_registration_metadata_documents_and_s256_only()
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url("/.well-known/oauth-authorization-server");
            s.StatusCodeShouldBe(200);
        });
        var metadata = await result.ReadAsJsonAsync<JsonElement>();
        metadata.GetProperty("issuer").GetString().ShouldBe("http://localhost/");
        metadata.GetProperty("registration_endpoint").GetString().ShouldBe("http://localhost/oauth/register");
        metadata.GetProperty("client_id_metadata_document_supported").GetBoolean().ShouldBeTrue();
        metadata.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()).ShouldBe(["S256"]);
    }
}
