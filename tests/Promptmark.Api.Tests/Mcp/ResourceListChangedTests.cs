using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Promptmark.Api.Tests.Isolation;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Mcp;

/// <summary>A change to a user's skills reaches every open MCP session of that user as resources/list_changed, and only theirs.</summary>
public sealed class ResourceListChangedTests(PromptmarkApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task the_server_declares_that_its_resource_list_changes()
    {
        var user = await app.NewUserAsync();
        await using var mcp = await app.McpClientAsync(user);
        mcp.ServerCapabilities.Resources?.ListChanged.ShouldBe(true);
    }

    [Fact]
    public async Task creating_and_deleting_a_skill_is_announced_to_each_session_of_its_owner_only()
    {
        var owner = await app.NewUserAsync();
        var stranger = await app.NewUserAsync();
        await using var first = await app.McpClientAsync(owner);
        await using var second = await app.McpClientAsync(owner);
        await using var strangers = await app.McpClientAsync(stranger);
        var firstHeard = Listen(first);
        var secondHeard = Listen(second);
        var strangerHeard = Listen(strangers);

        var created = await app.PostAsync(owner, "/api/skills", new { content = TenantWorld.SkillMd("announced", "Is announced.") }, 201);
        await firstHeard.Next().Bounded();
        await secondHeard.Next().Bounded();
        (await first.ListResourcesAsync(cancellationToken: Ct)).Select(r => r.Uri).ShouldBe(["skill://announced"]);

        await app.DeleteAsync(owner, $"/api/skills/{created.Id()}");
        await firstHeard.Next().Bounded();
        (await first.ListResourcesAsync(cancellationToken: Ct)).ShouldBeEmpty();

        // The stranger's own change is announced on the same stream after anything sent before it: it is the first one.
        await app.PostAsync(stranger, "/api/skills", new { content = TenantWorld.SkillMd("theirs", "Is theirs.") }, 201);
        await strangerHeard.Next().Bounded();
        strangerHeard.Count.ShouldBe(1);
    }

    private static Announcements Listen(McpClient client)
    {
        var announcements = new Announcements();
        client.RegisterNotificationHandler(NotificationMethods.ResourceListChangedNotification, (_, _) =>
        {
            announcements.Heard();
            return ValueTask.CompletedTask;
        });
        return announcements;
    }

    /// <summary>The list_changed notifications one session received, awaited one at a time.</summary>
    private sealed class Announcements
    {
        private readonly System.Threading.Channels.Channel<bool> _heard = System.Threading.Channels.Channel.CreateUnbounded<bool>();
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Heard()
        {
            Interlocked.Increment(ref _count);
            _heard.Writer.TryWrite(true);
        }

        public Task Next() => _heard.Reader.ReadAsync(Ct).AsTask();
    }
}
