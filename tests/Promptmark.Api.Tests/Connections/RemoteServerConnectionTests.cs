using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Npgsql;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Connections;

/// <summary>Connections to a real MCP server (server-everything) behind a proxy that demands each auth type's header.</summary>
public sealed class RemoteServerConnectionTests(PromptmarkApp app, EverythingFixture everything) : IClassFixture<EverythingFixture>
{
    public static TheoryData<string, string, string, string> AuthTypes => new()
    {
        { "bearer", "tok-1", "Authorization", "Bearer tok-1" },
        { "api_key", "key-1", "X-API-Key", "key-1" },
        { "oauth", "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\"}", "Authorization", "Bearer at-1" },
        { "custom_headers", "{\"X-Tenant-Token\":\"tt-1\",\"X-Extra\":\"e\"}", "X-Tenant-Token", "tt-1" },
    };

    [Theory]
    [MemberData(nameof(AuthTypes))]
    public async Task each_auth_type_sends_the_header_its_server_demands(string authType, string credentials, string header, string value)
    {
        var user = await app.NewUserAsync();
        var proxy = await everything.ProxyAsync(new RequiredHeader(header, value));

        var id = await app.ConnectAsync(user, proxy.Endpoint(everything.Server.Endpoint), authType, credentials);

        var connection = await app.GetAsync(user, $"/api/mcp/connections/{id}");
        connection.Str("status").ShouldBe("connected");
        connection.GetProperty("tool_count").GetInt32().ShouldBe(EverythingServer.ToolCount);
        connection.Str("server_name").ShouldNotBeNullOrEmpty();
        proxy.Requests.ShouldAllBe(r => r.Header(header) == value);
    }

    [Fact]
    public async Task a_wrong_credential_is_recorded_as_an_error_and_refresh_answers_502()
    {
        var user = await app.NewUserAsync();
        var proxy = await everything.ProxyAsync(RequiredHeader.Bearer("right"));
        var id = await app.CreateConnectionAsync(user, proxy.Endpoint(everything.Server.Endpoint), "bearer", "wrong");

        var test = await app.PostAsync(user, $"/api/mcp/connections/{id}/test", new { });
        test.GetProperty("ok").GetBoolean().ShouldBeFalse();
        test.Str("error").ShouldContain("401");
        test.GetProperty("connection").Str("status").ShouldBe("error");
        (await app.PostAsync(user, $"/api/mcp/connections/{id}/refresh-tools", new { }, 502)).Str("detail").ShouldContain("401");
        var stored = await app.GetAsync(user, $"/api/mcp/connections/{id}");
        stored.Str("status").ShouldBe("error");
        stored.Str("last_error").ShouldContain("401");

        await app.PutAsync(user, $"/api/mcp/connections/{id}", new { auth_credentials = "right" });
        (await app.PostAsync(user, $"/api/mcp/connections/{id}/refresh-tools", new { })).GetProperty("tools").GetArrayLength().ShouldBe(EverythingServer.ToolCount);
        (await app.GetAsync(user, $"/api/mcp/connections/{id}")).Str("status").ShouldBe("connected");
    }

    [Fact]
    public async Task a_redirect_to_an_address_that_is_not_allowed_is_refused_and_never_dialled()
    {
        using var forbidden = new TcpListener(IPAddress.Parse("127.0.0.2"), 0);
        forbidden.Start();
        var target = new Uri($"https://127.0.0.2:{((IPEndPoint)forbidden.LocalEndpoint).Port}/mcp");
        var proxy = await everything.ProxyAsync(null);
        proxy.Redirect = new ProxyRedirect(target);
        var user = await app.NewUserAsync();
        var id = await app.CreateConnectionAsync(user, proxy.Endpoint(everything.Server.Endpoint));

        var test = await app.PostAsync(user, $"/api/mcp/connections/{id}/test", new { });

        test.GetProperty("ok").GetBoolean().ShouldBeFalse();
        test.Str("error").ShouldContain("not allowed");
        test.Str("error").ShouldNotContain("127.0.0.2");
        (await app.PutAsync(user, $"/api/mcp/connections/{id}", new { server_url = target.ToString() }, 400))
            .GetProperty("errors").GetProperty("server_url")[0].GetString()!.ShouldContain("not allowed");
        forbidden.Pending().ShouldBeFalse("nothing may connect to an address that is not allowed");
    }

    [Fact]
    public async Task credentials_sealed_with_a_key_that_is_gone_are_a_clear_422_until_they_are_entered_again()
    {
        var user = await app.NewUserAsync();
        var proxy = await everything.ProxyAsync(RequiredHeader.Bearer("tok-9"));
        var id = await app.ConnectAsync(user, proxy.Endpoint(everything.Server.Endpoint), "bearer", "tok-9");
        await using (var database = new NpgsqlConnection(app.DatabaseConnectionString))
        {
            await database.OpenAsync(TestContext.Current.CancellationToken);
            await using var forget = new NpgsqlCommand(
                "update promptmark.mt_doc_mcpconnection set data = jsonb_set(data, '{Credentials,KeyId}', '\"retired-key\"') where id = @id", database);
            forget.Parameters.AddWithValue("id", Guid.Parse(id));
            (await forget.ExecuteNonQueryAsync(TestContext.Current.CancellationToken)).ShouldBe(1);
        }

        (await app.PostAsync(user, $"/api/mcp/connections/{id}/test", new { }, 422)).Str("detail").ShouldContain("enter them again");
        (await app.ExecuteAsync(user, id, "echo", new { message = "x" }, 422)).Str("detail").ShouldContain("cannot be opened");

        await app.PutAsync(user, $"/api/mcp/connections/{id}", new { auth_credentials = "tok-9" });
        (await app.PostAsync(user, $"/api/mcp/connections/{id}/test", new { })).GetProperty("ok").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task the_tool_cache_is_browsed_without_the_server_and_favourites_survive_a_refresh()
    {
        var user = await app.NewUserAsync();
        var id = await app.ConnectAsync(user, everything.Server.Endpoint);

        var echo = await app.GetAsync(user, $"/api/mcp/connections/{id}/tools/echo");
        echo.GetProperty("input_schema").GetProperty("properties").TryGetProperty("message", out _).ShouldBeTrue();
        echo.GetProperty("parameter_count").GetInt32().ShouldBe(1);
        (await app.PostAsync(user, $"/api/mcp/connections/{id}/tools/get-sum/favorite", new { is_favorite = true })).GetProperty("is_favorite").GetBoolean().ShouldBeTrue();

        var tools = (await app.GetAsync(user, $"/api/mcp/connections/{id}/tools")).GetProperty("tools");
        tools[0].Str("name").ShouldBe("get-sum");
        tools.GetArrayLength().ShouldBe(EverythingServer.ToolCount);
        await app.PostAsync(user, $"/api/mcp/connections/{id}/refresh-tools", new { });
        (await app.GetAsync(user, $"/api/mcp/connections/{id}")).GetProperty("tools")[0].GetProperty("is_favorite").GetBoolean().ShouldBeTrue();
        (await app.GetAsync(user, $"/api/mcp/connections/{id}/tools/nope", 404)).Str("detail").ShouldBe("tool not found");
    }

    [Fact]
    public async Task tools_run_and_every_run_is_audited_newest_first()
    {
        var user = await app.NewUserAsync();
        var id = await app.ConnectAsync(user, everything.Server.Endpoint);

        var echo = await app.ExecuteAsync(user, id, "echo", new { message = "hello" });
        echo.ResultText().ShouldBe("Echo: hello");
        echo.Str("status").ShouldBe("success");
        echo.GetProperty("is_error").GetBoolean().ShouldBeFalse();
        (await app.ExecuteAsync(user, id, "get-sum", new { a = 2, b = 3 })).ResultText().ShouldBe("The sum of 2 and 3 is 5.");

        var executions = await app.ExecutionsAsync(user, id);
        executions.EnumerateArray().Select(e => e.Str("tool_name")).ShouldBe(["get-sum", "echo"]);
        var first = executions[1];
        first.Str("status").ShouldBe("success");
        first.GetProperty("input").GetProperty("message").GetString().ShouldBe("hello");
        first.Str("output").ShouldContain("Echo: hello");
        first.GetProperty("latency_ms").GetInt64().ShouldBeGreaterThanOrEqualTo(0);
        first.Str("via").ShouldBe("execute");
        first.Str("connection_name").ShouldBe("everything");
        (await app.GetAsync(user, $"/api/mcp/executions?connection_id={id}&tool_name=echo")).GetProperty("executions")
            .EnumerateArray().Select(e => e.Str("tool_name")).ShouldBe(["echo"]);
    }

    [Fact]
    public async Task every_content_type_comes_back_as_the_server_sent_it()
    {
        var user = await app.NewUserAsync();
        var id = await app.ConnectAsync(user, everything.Server.Endpoint);

        var image = await app.ExecuteAsync(user, id, "get-tiny-image", new { });
        var blocks = image.GetProperty("result").GetProperty("content").EnumerateArray().ToList();
        blocks.Select(b => b.Str("type")).ShouldBe(["text", "image", "text"]);
        blocks[1].Str("mimeType").ShouldBe("image/png");
        Convert.FromBase64String(blocks[1].Str("data")).Length.ShouldBeGreaterThan(0);

        var links = await app.ExecuteAsync(user, id, "get-resource-links", new { count = 2 });
        links.GetProperty("result").GetProperty("content").EnumerateArray().Count(b => b.Str("type") == "resource_link").ShouldBe(2);

        var embedded = await app.ExecuteAsync(user, id, "get-resource-reference", new Dictionary<string, object> { ["resourceType"] = "Text", ["resourceId"] = 2 });
        embedded.GetProperty("result").GetProperty("content").EnumerateArray().ShouldContain(b => b.Str("type") == "resource");

        var structured = await app.ExecuteAsync(user, id, "get-structured-content", new { location = "New York" });
        structured.GetProperty("result").GetProperty("structuredContent").ValueKind.ShouldBe(JsonValueKind.Object);
    }

    [Fact]
    public async Task arguments_that_do_not_fit_the_schema_are_refused_before_anything_is_sent()
    {
        var user = await app.NewUserAsync();
        var proxy = await everything.ProxyAsync(null);
        var id = await app.ConnectAsync(user, proxy.Endpoint(everything.Server.Endpoint));
        var sent = proxy.Requests.Count;

        var problem = await app.ExecuteAsync(user, id, "get-sum", new { a = "two" }, 422);
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).ToList();
        errors.ShouldContain("b: is required");
        errors.ShouldContain("a: must be a number");
        (await app.PostAsync(user, $"/api/mcp/connections/{id}/tools/echo/execute", new { arguments = new[] { 1 } }, 400))
            .GetProperty("errors").GetProperty("arguments")[0].GetString().ShouldBe("must be a JSON object");

        proxy.Requests.Count.ShouldBe(sent);
        (await app.ExecutionsAsync(user, id)).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task a_tool_error_result_is_returned_and_audited_as_a_tool_error()
    {
        var user = await app.NewUserAsync();
        var id = await app.ConnectAsync(user, everything.Server.Endpoint);

        var failed = await app.ExecuteAsync(user, id, "get-resource-reference", new Dictionary<string, object> { ["resourceType"] = "Text", ["resourceId"] = -1 });
        failed.GetProperty("is_error").GetBoolean().ShouldBeTrue(failed.GetRawText());
        failed.Str("status").ShouldBe("tool_error");
        failed.ResultText().ShouldContain("Invalid resourceId");
        var audit = (await app.ExecutionsAsync(user, id))[0];
        audit.Str("status").ShouldBe("tool_error");
        audit.Str("error").ShouldContain("Invalid resourceId");
    }

    [Fact]
    public async Task an_output_over_64_kb_is_cut_in_the_audit_and_marked()
    {
        var user = await app.NewUserAsync();
        var id = await app.ConnectAsync(user, everything.Server.Endpoint);
        var message = new string('x', 100_000);

        (await app.ExecuteAsync(user, id, "echo", new { message })).ResultText().Length.ShouldBe(100_006);

        var audit = (await app.ExecutionsAsync(user, id))[0];
        audit.GetProperty("output_truncated").GetBoolean().ShouldBeTrue();
        audit.GetProperty("output_bytes").GetInt32().ShouldBeGreaterThan(100_000);
        audit.Str("output").Length.ShouldBe(64 * 1024);
    }

    [Fact]
    public async Task the_stream_sends_progress_as_it_arrives_then_the_result()
    {
        var user = await app.NewUserAsync();
        var id = await app.ConnectAsync(user, everything.Server.Endpoint);

        var events = await StreamAsync(user, id, "trigger-long-running-operation", new { duration = 1, steps = 4 });

        events.Select(e => e.Name).Distinct().ShouldBe(["progress", "result"]);
        events[^1].Name.ShouldBe("result");
        var progress = events.Where(e => e.Name == "progress").Select(e => e.Data.GetProperty("progress").GetDouble()).ToList();
        progress.Count.ShouldBeGreaterThanOrEqualTo(2);
        progress.ShouldBeInOrder();
        events[0].Data.GetProperty("total").GetDouble().ShouldBe(4);
        events[^1].Data.ResultText().ShouldStartWith("Long running operation completed");
        (await app.ExecutionsAsync(user, id))[0].Str("via").ShouldBe("stream");
    }

    [Fact]
    public async Task the_stream_checks_like_execute_before_it_starts_and_reports_remote_failures_as_an_error_event()
    {
        var user = await app.NewUserAsync();
        var id = await app.ConnectAsync(user, everything.Server.Endpoint);
        await app.PostAsync(user, $"/api/mcp/connections/{id}/tools/echo/stream", new { arguments = new { } }, 422);
        (await app.PostAsync(user, $"/api/mcp/connections/{id}/tools/nope/stream", new { arguments = new { } }, 404)).Str("detail").ShouldBe("tool not found");
        var onlyEvents = await app.Host.Scenario(s =>
        {
            s.Post.Json(new { arguments = new { } }).ToUrl($"/api/mcp/connections/{id}/tools/echo/stream");
            s.WithRequestHeader("Accept", "text/event-stream");
            s.WithBearerToken(user.Token);
            s.StatusCodeShouldBe(422);
        });
        (await onlyEvents.ReadAsTextAsync()).ShouldContain("message: is required", customMessage: "a client that only accepts events still reads why");
        await app.PutAsync(user, $"/api/mcp/connections/{id}", new { is_active = false });
        (await app.PostAsync(user, $"/api/mcp/connections/{id}/tools/echo/stream", new { arguments = new { message = "x" } }, 409))
            .Str("detail").ShouldContain("inactive");
    }

    [Fact]
    public async Task a_server_that_only_speaks_the_older_sse_transport_is_reached_too()
    {
        await using var sse = await EverythingServer.StartAsync(EverythingTransport.Sse);
        var user = await app.NewUserAsync();
        var id = await app.ConnectAsync(user, sse.Endpoint);

        (await app.ExecuteAsync(user, id, "echo", new { message = "over sse" })).ResultText().ShouldBe("Echo: over sse");
        var events = await StreamAsync(user, id, "trigger-long-running-operation", new { duration = 1, steps = 3 });
        events.ShouldContain(e => e.Name == "progress");
        events[^1].Name.ShouldBe("result");
    }

    [Fact]
    public async Task the_mcp_tools_refresh_browse_favourite_and_list_executions()
    {
        var user = await app.NewUserAsync();
        var id = await app.ConnectAsync(user, everything.Server.Endpoint);
        await app.ExecuteAsync(user, id, "echo", new { message = "m" });
        await using var mcp = await app.McpClientAsync(user);

        (await mcp.CallJsonAsync("refresh_mcp_tools", new { connection_id = id })).GetProperty("tools").GetArrayLength().ShouldBe(EverythingServer.ToolCount);
        (await mcp.CallJsonAsync("get_mcp_tool", new { connection_id = id, tool_name = "echo" })).GetProperty("input_schema").ValueKind.ShouldBe(JsonValueKind.Object);
        (await mcp.CallJsonAsync("favorite_mcp_tool", new { connection_id = id, tool_name = "echo", is_favorite = true })).GetProperty("is_favorite").GetBoolean().ShouldBeTrue();
        (await mcp.CallJsonAsync("list_mcp_tools", new { connection_id = id })).GetProperty("tools")[0].Str("name").ShouldBe("echo");
        (await mcp.CallJsonAsync("get_mcp_connection", new { id })).GetProperty("tools").GetArrayLength().ShouldBe(EverythingServer.ToolCount);
        (await mcp.CallJsonAsync("list_mcp_executions", new { connection_id = id })).GetProperty("executions")[0].Str("tool_name").ShouldBe("echo");
    }

    private async Task<List<(string Name, JsonElement Data)>> StreamAsync(TestUser user, string id, string tool, object arguments)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Json(new { arguments }).ToUrl($"/api/mcp/connections/{id}/tools/{tool}/stream");
            s.WithBearerToken(user.Token);
            s.StatusCodeShouldBe(200);
            s.Header("Content-Type").ShouldHaveValues("text/event-stream");
        });
        return ServerSentEvents.Parse(await result.ReadAsTextAsync());
    }
}
