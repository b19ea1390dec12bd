using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Promptmark.Api.Features.Auth;
using Promptmark.Api.Infrastructure.Slices;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Isolation;

/// <summary>
/// A stranger calls every slice of the catalog, through both doors, against a user who owns one of everything, and
/// the MCP prompts and resources too: whatever addresses the owner's objects is not found, nothing the stranger gets
/// back shows the owner's data, and the owner's data is the same afterwards. A new slice is covered by itself, or the
/// test fails until <see cref="SliceInputs"/> knows how to fill it.
/// </summary>
public sealed class StrangerTests(PromptmarkApp app, EverythingFixture everything, ModelServerFixture models)
    : IClassFixture<EverythingFixture>, IClassFixture<ModelServerFixture>
{
    /// <summary>Slices the stranger does not call, each with the reason.</summary>
    private static readonly Dictionary<Type, string> Exempt = new()
    {
        [typeof(Register)] = "anonymous: it creates an account and reads no one's data, so there is no stranger to be",
    };

    /// <summary>
    /// Routes that are not slices, and where their isolation is proven (or why there is nothing to prove).
    /// A key ending in <c>*</c> covers every route it begins.
    /// </summary>
    private static readonly Dictionary<string, string> NotSlices = new()
    {
        ["api/mcp/connections/{connection_id}/tools/{tool_name}/stream"] = "Connections/ConnectionIsolationTests",
        ["api/conversations/{conversation_id}/messages/stream"] = "Conversations/StreamMessageTests",
        ["api/conversations/{conversation_id}/tool-calls/{call_id}/{decision}/stream"] = "Conversations/ToolLoopTests",
        ["api/playbooks/{playbook_id}/trigger"] = "authenticated by the playbook's trigger token only: PlaybookTriggers/TriggerUrlTests",
        ["api/playbook-executions/{execution_id}/events"] = "PlaybookExecutions/RunProgressTests",
        ["mcp/"] = "the MCP door: its tools are the slices, its prompts and resources are covered here",
        ["api/auth/login"] = "anonymous: signs in with the caller's own credentials",
        ["api/auth/logout"] = "ends the caller's own session",
        ["health"] = "anonymous, no user data",
        ["openapi/{documentName}.json"] = "anonymous, no user data",
        ["scalar/*"] = "the API reference page: anonymous, no user data",
        ["{*path:nonfile}"] = "the web app's files: anonymous, no user data",
        ["_test_url_cache_"] = "Alba's own, in tests only",
        [".well-known/oauth-protected-resource*"] = "OAuth resource metadata: anonymous, no user data",
        ["oauth/client-metadata.json"] = "Promptmark's own OAuth client metadata document: anonymous, no user data",
        ["oauth/register"] = "OAuth client registration: anonymous, creates a client that belongs to no user",
        ["oauth/authorize"] = "OAuth consent: grants only for the signed-in caller; a stranger's token sees only its own (OAuth/OAuthFlowTests)",
    };

    /// <summary>
    /// MCP server capabilities this test covers (logging only sets the session's own log level); a new one
    /// (completions, ...) must be covered here first.
    /// </summary>
    private static readonly string[] CoveredCapabilities = ["tools", "prompts", "resources", "logging", "completions"];

    private static IEnumerable<SliceDescriptor> Covered => SliceCatalog.Instance.Slices.Where(s => !Exempt.ContainsKey(s.Request));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void the_stranger_test_can_fill_every_slice_of_the_catalog()
    {
        var unfillable = Covered.Select(SliceInputs.Unfillable).OfType<string>().ToList();
        unfillable.ShouldBeEmpty(
            "The stranger test (Isolation/StrangerTests) cannot call these slices. Add a rule for each input to SliceInputs.Rules " +
            "(an Owned rule when it names something a user owns), or exempt the slice in StrangerTests.Exempt with the reason:\n" +
            string.Join("\n", unfillable));
    }

    [Fact]
    public void every_route_that_is_not_a_slice_is_covered_elsewhere_or_reads_no_users_data()
    {
        var slices = SliceCatalog.Instance.Slices.Select(s => s.Binding.Route.TrimStart('/')).ToHashSet();
        var routes = app.Host.Services.GetServices<EndpointDataSource>().SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!.TrimStart('/')).Distinct();
        routes.Where(r => !slices.Contains(r) && !NotSlices.Keys.Any(k => k == r || k.EndsWith('*') && r.StartsWith(k[..^1], StringComparison.Ordinal))).ShouldBeEmpty(
            "These routes are not slices, so the stranger test does not call them: cover them (and list them in StrangerTests.NotSlices)");
    }

    [Fact]
    public void a_slice_with_an_input_the_table_does_not_know_is_reported_by_name()
    {
        var slice = SliceDescriptor.TryRead(typeof(UnknownWidget))!;
        SliceInputs.Unfillable(slice).ShouldBe("UnknownWidget (GET /api/widgets/{widget_id}): no rule for widget_id");
    }

    [Fact]
    public async Task a_stranger_gets_nothing_of_the_owners_through_any_slice_on_either_door()
    {
        var owner = await TenantWorld.CreateAsync(app, everything.Server.Endpoint, models.Server.BaseUrl);
        var stranger = await TenantWorld.CreateAsync(app, everything.Server.Endpoint, models.Server.BaseUrl);
        var before = await OwnersViewAsync(owner);
        await using var mcp = await app.McpClientAsync(stranger.User);
        var problems = new List<string>();
        // What the stranger sent may come back in its own data later (a provider it named like the owner's): not a leak.
        var sent = new HashSet<string>();

        foreach (var slice in Covered)
        {
            // Planned once per door: plain values (a new collection's name) are fresh on each.
            foreach (var call in SliceInputs.Plan(slice, owner, stranger))
                problems.AddRange(Judge(call, await Doors.RestAsync(app.Host, stranger.User, call), owner, sent));
            if (slice.Binding.Tool is not null)
                foreach (var call in SliceInputs.Plan(slice, owner, stranger))
                    problems.AddRange(Judge(call, await Doors.McpAsync(mcp, call), owner, sent));
        }

        problems.ShouldBeEmpty(string.Join("\n", problems));
        (await OwnersViewAsync(owner)).ShouldBe(before, "the owner's data changed while the stranger called the slices");
    }

    [Fact]
    public async Task a_stranger_cannot_list_get_read_or_complete_the_owners_mcp_prompts_and_resources()
    {
        var owner = await TenantWorld.CreateAsync(app, everything.Server.Endpoint, models.Server.BaseUrl);
        var stranger = await app.NewUserAsync();
        await using var mcp = await app.McpClientAsync(stranger);

        var capabilities = JsonSerializer.SerializeToElement(mcp.ServerCapabilities).EnumerateObject()
            .Where(c => c.Value.ValueKind != JsonValueKind.Null).Select(c => c.Name);
        capabilities.Except(CoveredCapabilities).ShouldBeEmpty("the MCP server offers a capability the stranger test does not cover: cover it here");
        (await mcp.ListToolsAsync(cancellationToken: Ct)).Select(t => t.Name)
            .Except(SliceCatalog.Instance.Tools.Select(s => s.Binding.Tool!)).ShouldBeEmpty("MCP tools that are not catalog slices escape the stranger test");

        ShouldNotShow(JsonSerializer.Serialize(await mcp.ListPromptsAsync(cancellationToken: Ct)), owner);
        ShouldNotShow(JsonSerializer.Serialize(await mcp.ListResourcesAsync(cancellationToken: Ct)), owner);
        var prompt = await Should.ThrowAsync<McpProtocolException>(() =>
            mcp.GetPromptAsync(owner.TemplateName, new Dictionary<string, object?> { ["topic"] = "x" }, cancellationToken: Ct).AsTask());
        prompt.Message.ShouldContain($"prompt '{owner.TemplateName}' not found");
        var resource = await Should.ThrowAsync<McpProtocolException>(() =>
            mcp.ReadResourceAsync($"skill://{owner.SkillName}", cancellationToken: Ct).AsTask());
        resource.Message.ShouldContain($"resource 'skill://{owner.SkillName}' not found");

        var skillNames = await mcp.CompleteAsync(new ResourceTemplateReference { Uri = "skill://{name}" }, "name", "skill-", cancellationToken: Ct);
        skillNames.Completion.Values.ShouldBeEmpty();
        var templateArgument = await mcp.CompleteAsync(new PromptReference { Name = owner.TemplateName }, "topic", "", cancellationToken: Ct);
        templateArgument.Completion.Values.ShouldBeEmpty();
        ShouldNotShow(JsonSerializer.Serialize(await mcp.ListResourceTemplatesAsync(cancellationToken: Ct)), owner);
    }

    private static IEnumerable<string> Judge(SliceCall call, Outcome outcome, TenantWorld owner, HashSet<string> sent)
    {
        var where = $"{outcome.Door} {call}";
        sent.UnionWith(owner.Secrets.Where(call.Mentions));
        var leaked = owner.Secrets.Where(s => !sent.Contains(s) && outcome.Text.Contains(s, StringComparison.Ordinal)).ToList();
        if (leaked.Count > 0) yield return $"{where}: the answer shows the owner's {string.Join(", ", leaked)}: {outcome.Text}";
        if (outcome.NotFound && outcome.Text.Contains("not found", StringComparison.Ordinal)) yield break;
        if (outcome.Succeeded && call.MustBeNotFound) yield return $"{where}: succeeded ({outcome.Status}), but the owner's {call.Probe} must be not found: {outcome.Text}";
        else if (!outcome.Succeeded && !(call.MayBeRefused && outcome.Status is "400" or "isError"))
            yield return $"{where}: refused ({outcome.Status}) without saying 'not found': {outcome.Text}. " +
                "If a value from SliceInputs.Rules is not valid for this slice, give the input a valid one.";
    }

    /// <summary>The owner's answer from every GET slice, by route: equal before and after the stranger's calls.</summary>
    private async Task<Dictionary<string, string>> OwnersViewAsync(TenantWorld owner)
    {
        var view = new Dictionary<string, string>();
        foreach (var slice in Covered.Where(s => s.Binding.Verb == "GET"))
        {
            var outcome = await Doors.RestAsync(app.Host, owner.User, SliceInputs.OwnersRead(slice, owner));
            outcome.Succeeded.ShouldBeTrue($"the owner's own {slice.Binding.Route}: {outcome.Status} {outcome.Text}");
            view[slice.Binding.Route] = outcome.Text;
        }
        return view;
    }

    private static void ShouldNotShow(string answer, TenantWorld owner) =>
        owner.Secrets.Where(s => answer.Contains(s, StringComparison.Ordinal)).ShouldBeEmpty(answer);

    [Description("A slice no rule of the stranger test can fill.")]
    private sealed record UnknownWidget : ISlice<object>
    {
        public static SliceBinding Binding { get; } = SliceBinding.Get("/api/widgets/{widget_id}");

        [Required, Description("Widget ID")]
        public string WidgetId { get; init; } = "";
    }
}
