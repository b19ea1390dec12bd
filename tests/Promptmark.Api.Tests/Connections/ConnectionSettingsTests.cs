using System.Text.Json;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Connections;

/// <summary>Creating, reading, updating and deleting connections, without talking to any server.</summary>
public sealed class ConnectionSettingsTests(PromptmarkApp app)
{
    private const string Url = "https://mcp.example.com/mcp";

    [Fact]
    public async Task a_new_connection_is_never_connected_and_shows_only_that_it_has_credentials()
    {
        var user = await app.NewUserAsync();
        var created = await app.PostAsync(user, "/api/mcp/connections",
            new { name = "My server", server_url = Url, description = "tools", auth_type = "bearer", auth_credentials = "sekret-token" }, 201);

        created.Str("status").ShouldBe("never_connected");
        created.Str("auth_type").ShouldBe("bearer");
        created.GetProperty("has_credentials").GetBoolean().ShouldBeTrue();
        created.GetProperty("is_active").GetBoolean().ShouldBeTrue();
        created.GetProperty("tool_count").GetInt32().ShouldBe(0);
        created.GetRawText().ShouldNotContain("sekret-token");
        var read = await app.GetAsync(user, $"/api/mcp/connections/{created.Id()}");
        read.Str("server_url").ShouldBe(Url);
        read.GetProperty("tools").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("none", null)]
    [InlineData("api_key", "k-123")]
    [InlineData("oauth", "{\"access_token\":\"at-1\",\"refresh_token\":\"rt\"}")]
    [InlineData("custom_headers", "{\"X-Tenant\":\"acme\",\"X-Token\":\"t\"}")]
    public async Task each_auth_type_is_accepted_with_well_formed_credentials(string authType, string? credentials)
    {
        var user = await app.NewUserAsync();
        var created = await app.PostAsync(user, "/api/mcp/connections",
            new { name = "s", server_url = Url, auth_type = authType, auth_credentials = credentials }, 201);
        created.Str("auth_type").ShouldBe(authType);
        created.GetProperty("has_credentials").GetBoolean().ShouldBe(credentials is not null);
    }

    [Theory]
    [InlineData("bearer", null, "auth_credentials", "is required when auth_type is bearer")]
    [InlineData("oauth", "not json", "auth_credentials", "must be a JSON object with a string access_token")]
    [InlineData("oauth", "{\"token\":\"x\"}", "auth_credentials", "must be a JSON object with a string access_token")]
    [InlineData("custom_headers", "[1,2]", "auth_credentials", "must be a JSON object of header names")]
    [InlineData("custom_headers", "{\"Host\":\"evil\"}", "auth_credentials", "header \"Host\" cannot be set")]
    [InlineData("custom_headers", "{\"Transfer-Encoding\":\"chunked\"}", "auth_credentials", "header \"Transfer-Encoding\" cannot be set")]
    [InlineData("custom_headers", "{\"X-Ok\":5}", "auth_credentials", "the value of \"X-Ok\" must be a string")]
    [InlineData("custom_headers", "{\"Bad Name\":\"v\"}", "auth_credentials", "\"Bad Name\" is not a valid header name")]
    [InlineData("bearer", "line\nbreak", "auth_credentials", "must be a single line")]
    [InlineData("none", "stray", "auth_credentials", "must be empty when auth_type is none")]
    [InlineData("basic", "x", "auth_type", "must be one of none, bearer, api_key, oauth, custom_headers")]
    public async Task malformed_credentials_are_a_400_that_never_repeats_them(string authType, string? credentials, string field, string message)
    {
        var user = await app.NewUserAsync();
        var problem = await app.PostAsync(user, "/api/mcp/connections",
            new { name = "s", server_url = Url, auth_type = authType, auth_credentials = credentials }, 400);
        string.Join("|", problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString())).ShouldContain(message);
        if (credentials is { Length: > 3 } && credentials != "not json") problem.GetRawText().ShouldNotContain(credentials);
        (await app.GetAsync(user, "/api/mcp/connections")).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Theory]
    [InlineData("http://mcp.example.com/mcp", "must use https")]
    [InlineData("https://127.0.0.2/mcp", "The address is not allowed")]
    [InlineData("https://169.254.169.254/latest", "The address is not allowed")]
    [InlineData("https://user:pw@mcp.example.com/", "must not contain a user name or password")]
    [InlineData("ftp://mcp.example.com/", "Only http and https")]
    public async Task a_url_outside_the_egress_policy_is_refused_at_creation(string url, string message)
    {
        var user = await app.NewUserAsync();
        var problem = await app.PostAsync(user, "/api/mcp/connections", new { name = "s", server_url = url }, 400);
        problem.GetProperty("errors").GetProperty("server_url")[0].GetString()!.ShouldContain(message);
    }

    [Fact]
    public async Task the_civic_preset_fills_in_the_hub_and_takes_bearer_or_oauth()
    {
        var user = await app.NewUserAsync();
        var civic = await app.PostAsync(user, "/api/mcp/connections", new { preset = "civic", auth_credentials = "civic-token" }, 201);
        civic.Str("name").ShouldBe("Civic");
        civic.Str("server_url").ShouldBe("https://app.civic.com/hub/mcp");
        civic.Str("auth_type").ShouldBe("bearer");
        civic.Str("preset").ShouldBe("civic");

        var wrongAuth = await app.PostAsync(user, "/api/mcp/connections", new { preset = "civic", auth_type = "api_key", auth_credentials = "k" }, 400);
        wrongAuth.GetProperty("errors").GetProperty("auth_type")[0].GetString().ShouldBe("must be bearer or oauth for the Civic preset");
        var elsewhere = await app.PostAsync(user, "/api/mcp/connections", new { preset = "civic", server_url = Url, auth_credentials = "t" }, 400);
        elsewhere.GetProperty("errors").GetProperty("server_url")[0].GetString()!.ShouldContain("app.civic.com");
    }

    [Fact]
    public async Task an_update_changes_only_the_fields_given()
    {
        var user = await app.NewUserAsync();
        var created = await app.PostAsync(user, "/api/mcp/connections",
            new { name = "Before", server_url = Url, description = "keep me", auth_type = "api_key", auth_credentials = "k1" }, 201);

        var updated = await app.PutAsync(user, $"/api/mcp/connections/{created.Id()}", new { name = "After", is_active = false });
        updated.Str("name").ShouldBe("After");
        updated.Str("description").ShouldBe("keep me");
        updated.Str("auth_type").ShouldBe("api_key");
        updated.GetProperty("has_credentials").GetBoolean().ShouldBeTrue();
        updated.GetProperty("is_active").GetBoolean().ShouldBeFalse();

        var moved = await app.PutAsync(user, $"/api/mcp/connections/{created.Id()}", new { server_url = "https://other.example.com/mcp" });
        moved.Str("server_url").ShouldBe("https://other.example.com/mcp");
        moved.Str("name").ShouldBe("After");
    }

    [Fact]
    public async Task changing_the_auth_type_needs_new_credentials_and_none_clears_them()
    {
        var user = await app.NewUserAsync();
        var id = (await app.PostAsync(user, "/api/mcp/connections", new { name = "s", server_url = Url, auth_type = "bearer", auth_credentials = "t" }, 201)).Id();

        var problem = await app.PutAsync(user, $"/api/mcp/connections/{id}", new { auth_type = "api_key" }, 400);
        problem.GetProperty("errors").GetProperty("auth_credentials")[0].GetString().ShouldBe("is required when auth_type changes to api_key");
        (await app.GetAsync(user, $"/api/mcp/connections/{id}")).Str("auth_type").ShouldBe("bearer");

        var cleared = await app.PutAsync(user, $"/api/mcp/connections/{id}", new { auth_type = "none" });
        cleared.Str("auth_type").ShouldBe("none");
        cleared.GetProperty("has_credentials").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task every_read_warns_about_a_token_that_expires_within_seven_days_or_has_expired()
    {
        var user = await app.NewUserAsync();
        var soon = DateTimeOffset.UtcNow.AddDays(3).ToString("O");
        var created = await app.PostAsync(user, "/api/mcp/connections",
            new { name = "s", server_url = Url, auth_type = "bearer", auth_credentials = "t", token_expires_at = soon }, 201);
        created.Str("expiry_warning").ShouldBe("expiring");

        var expired = await app.PutAsync(user, $"/api/mcp/connections/{created.Id()}", new { token_expires_at = "2020-01-01T00:00:00Z" });
        expired.Str("expiry_warning").ShouldBe("expired");
        (await app.GetAsync(user, "/api/mcp/connections")).GetProperty("connections")[0].Str("expiry_warning").ShouldBe("expired");

        var later = await app.PutAsync(user, $"/api/mcp/connections/{created.Id()}", new { token_expires_at = DateTimeOffset.UtcNow.AddDays(30).ToString("O") });
        later.GetProperty("expiry_warning").ValueKind.ShouldBe(JsonValueKind.Null);
        var none = await app.PutAsync(user, $"/api/mcp/connections/{created.Id()}", new { token_expires_at = "" });
        none.GetProperty("token_expires_at").ValueKind.ShouldBe(JsonValueKind.Null);
        (await app.PutAsync(user, $"/api/mcp/connections/{created.Id()}", new { token_expires_at = "next week" }, 400))
            .GetProperty("errors").GetProperty("token_expires_at")[0].GetString()!.ShouldContain("ISO 8601");
    }

    [Fact]
    public async Task the_list_pages_newest_first_and_can_hide_inactive_connections()
    {
        var user = await app.NewUserAsync();
        foreach (var name in new[] { "one", "two", "three" })
            await app.PostAsync(user, "/api/mcp/connections", new { name, server_url = Url }, 201);
        var first = (await app.GetAsync(user, "/api/mcp/connections")).GetProperty("connections");
        await app.PutAsync(user, $"/api/mcp/connections/{first[0].Id()}", new { is_active = false });

        var page = await app.GetAsync(user, "/api/mcp/connections?limit=2&offset=1");
        page.GetProperty("total").GetInt32().ShouldBe(3);
        page.GetProperty("connections").EnumerateArray().Select(c => c.Str("name")).ShouldBe(["two", "one"]);
        var active = await app.GetAsync(user, "/api/mcp/connections?active_only=true");
        active.GetProperty("connections").EnumerateArray().Select(c => c.Str("name")).ShouldBe(["two", "one"]);
        (await app.GetAsync(user, "/api/mcp/connections?limit=101", 400)).GetProperty("errors").GetProperty("limit").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task a_deleted_connection_is_gone_from_every_read()
    {
        var user = await app.NewUserAsync();
        var id = (await app.PostAsync(user, "/api/mcp/connections", new { name = "s", server_url = Url }, 201)).Id();
        (await app.DeleteAsync(user, $"/api/mcp/connections/{id}")).GetProperty("success").GetBoolean().ShouldBeTrue();

        (await app.GetAsync(user, $"/api/mcp/connections/{id}", 404)).Str("detail").ShouldBe("connection not found");
        (await app.GetAsync(user, $"/api/mcp/connections/{id}/tools", 404)).Str("detail").ShouldBe("connection not found");
        (await app.GetAsync(user, "/api/mcp/connections")).GetProperty("total").GetInt32().ShouldBe(0);
        await app.DeleteAsync(user, $"/api/mcp/connections/{id}", 404);
    }

    [Fact]
    public async Task the_mcp_tools_manage_connections_with_the_same_rules()
    {
        var user = await app.NewUserAsync();
        await using var mcp = await app.McpClientAsync(user);
        var created = await mcp.CallJsonAsync("create_mcp_connection", new { name = "via mcp", server_url = Url, auth_type = "api_key", auth_credentials = "mcp-key-1" });
        created.GetRawText().ShouldNotContain("mcp-key-1");

        (await mcp.CallJsonAsync("update_mcp_connection", new { id = created.Id(), is_active = false })).GetProperty("is_active").GetBoolean().ShouldBeFalse();
        (await mcp.CallJsonAsync("list_mcp_connections", new { active_only = true })).GetProperty("total").GetInt32().ShouldBe(0);
        (await mcp.CallJsonAsync("get_mcp_connection", new { id = created.Id() })).Str("name").ShouldBe("via mcp");
        (await mcp.CallJsonAsync("list_mcp_tools", new { connection_id = created.Id() })).GetProperty("tools").GetArrayLength().ShouldBe(0);
        (await mcp.CallErrorAsync("get_mcp_tool", new { connection_id = created.Id(), tool_name = "echo" })).ShouldContain("tool not found");
        (await mcp.CallErrorAsync("create_mcp_connection", new { name = "x", server_url = "http://10.0.0.1/" })).ShouldContain("server_url");
        (await mcp.CallErrorAsync("create_mcp_connection", new { name = "x", server_url = Url, auth_type = "oauth", auth_credentials = "{" }))
            .ShouldContain("access_token");
        (await mcp.CallJsonAsync("delete_mcp_connection", new { id = created.Id() })).GetProperty("success").GetBoolean().ShouldBeTrue();
        (await mcp.CallErrorAsync("get_mcp_connection", new { id = created.Id() })).ShouldContain("connection not found");
    }
}
