using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Promptmark.Api.Tests.Isolation;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.ScaleOut;

/// <summary>
/// Two instances on one database behind a round-robin load balancer without sticky sessions: each request of a client
/// may land on either instance, and everything still works as with one.
/// </summary>
public sealed class TwoInstancesTests(PromptmarkApp app, TwoInstances cluster) : IClassFixture<TwoInstances>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await cluster.EnsureStartedAsync(app.DatabaseConnectionString);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task rest_calls_land_on_both_instances_and_see_the_same_data()
    {
        var token = await cluster.NewUserTokenAsync();
        using var http = TwoInstances.Client(cluster.Proxy.BaseAddress, token);
        var id = await CreatePromptAsync(http, "Shared");

        for (var i = 0; i < 4; i++)
        {
            var read = await (await http.GetAsync($"/api/prompts/{id}", Ct)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(Ct);
            read.GetProperty("title").GetString().ShouldBe("Shared");
        }
        cluster.Proxy.InstancesFor("GET", $"/api/prompts/{id}").Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public async Task signing_out_on_one_instance_ends_the_session_on_the_other()
    {
        var token = await cluster.NewUserTokenAsync();
        var (first, second) = (cluster.Instances[0], cluster.Instances[1]);
        using var onFirst = TwoInstances.Client(first, token);
        using var onSecond = TwoInstances.Client(second, token);
        // Both instances have accepted (and may remember) the session before it ends.
        (await onFirst.GetAsync("/api/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await onSecond.GetAsync("/api/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await onFirst.PostAsync("/api/auth/logout", null, Ct)).EnsureSuccessStatusCode();

        (await onFirst.GetAsync("/api/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await Waits.UntilAsync(() => onSecond.GetAsync("/api/auth/me", Ct).Result.StatusCode == HttpStatusCode.Unauthorized,
            "the other instance to refuse the ended session");
    }

    [Fact]
    public async Task an_mcp_session_calls_tools_on_either_instance()
    {
        var token = await cluster.NewUserTokenAsync();
        using var http = TwoInstances.Client(cluster.Proxy.BaseAddress, token);
        var id = await CreatePromptAsync(http, "Through MCP");
        await using var mcp = await cluster.McpClientAsync(token);
        var routedBefore = cluster.Proxy.InstancesFor("POST", "/mcp").Count;

        for (var i = 0; i < 4; i++)
            (await mcp.CallJsonAsync("get_prompt", new { id })).GetProperty("title").GetString().ShouldBe("Through MCP");

        cluster.Proxy.InstancesFor("POST", "/mcp").Skip(routedBefore).Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public async Task a_change_made_on_one_instance_is_announced_to_a_session_streaming_from_the_other()
    {
        var token = await cluster.NewUserTokenAsync();
        var streamsBefore = cluster.Proxy.InstancesFor("GET", "/mcp").Count;
        await using var mcp = await cluster.McpClientAsync(token);
        var prompts = Listen(mcp, NotificationMethods.PromptListChangedNotification);
        var resources = Listen(mcp, NotificationMethods.ResourceListChangedNotification);
        await Waits.UntilAsync(() => cluster.Proxy.InstancesFor("GET", "/mcp").Count > streamsBefore, "the client to open its stream");
        var streaming = cluster.Proxy.InstancesFor("GET", "/mcp")[streamsBefore];
        using var other = TwoInstances.Client(cluster.Instances.Single(i => i != streaming), token);

        await CreatePromptAsync(other, "Announced");
        await prompts.Reader.ReadAsync(Ct).AsTask().Bounded();
        (await mcp.ListPromptsAsync(cancellationToken: Ct)).ShouldNotBeEmpty();

        (await other.PostAsJsonAsync("/api/skills", new { content = TenantWorld.SkillMd("announced", "Is announced.") }, Ct)).EnsureSuccessStatusCode();
        await resources.Reader.ReadAsync(Ct).AsTask().Bounded();
        (await mcp.ListResourcesAsync(cancellationToken: Ct)).Select(r => r.Uri).ShouldBe(["skill://announced"]);
    }

    private static async Task<string> CreatePromptAsync(HttpClient http, string title)
    {
        var created = await (await http.PostAsJsonAsync("/api/prompts", new { title, prompt = "Write about {{topic}}." }, Ct))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(Ct);
        return created.GetProperty("id").GetString()!;
    }

    private static Channel<bool> Listen(McpClient client, string method)
    {
        var heard = Channel.CreateUnbounded<bool>();
        client.RegisterNotificationHandler(method, (_, _) =>
        {
            heard.Writer.TryWrite(true);
            return ValueTask.CompletedTask;
        });
        return heard;
    }
}
