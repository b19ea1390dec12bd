using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Promptmark.Api.Infrastructure.Json;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Tests.Isolation;

/// <summary>
/// How the stranger test fills each input of a slice, by wire name. A slice with a route parameter or a required
/// input this table does not know cannot be planned: whoever adds the slice extends the table.
/// </summary>
public static partial class SliceInputs
{
    /// <summary>What an input holds.</summary>
    public abstract record Rule;

    /// <summary>
    /// Something a user owns. When it <paramref name="Addresses"/> the object, a foreign value must be answered
    /// "not found"; otherwise (a tag name, a search word) it only selects, and the call may succeed as long as it shows
    /// and changes nothing of the owner's.
    /// </summary>
    public sealed record Owned(Func<TenantWorld, object> Of, bool Addresses = true) : Rule;

    /// <summary>A valid value that points at nothing anyone owns; asked for again on every call.</summary>
    public sealed record Plain(Func<object> Value) : Rule;

    private static int _unique;
    private static string Unique(string prefix) => $"{prefix}{Interlocked.Increment(ref _unique)}";

    /// <summary>"Area:name" (the area is the folder under Features/) wins over "name".</summary>
    private static readonly Dictionary<string, Rule> Rules = new()
    {
        ["Prompts:id"] = new Owned(w => w.PromptId),
        ["Versions:id"] = new Owned(w => w.PromptId),
        ["Collections:id"] = new Owned(w => w.CollectionId),
        ["Responses:id"] = new Owned(w => w.ResponseId),
        ["Skills:id"] = new Owned(w => w.SkillId),
        ["Connections:id"] = new Owned(w => w.ConnectionId),
        // The OAuth callback finds the connection from the state it was started with.
        ["Connections:state"] = new Owned(w => $"{Guid.Parse(w.ConnectionId):N}.state"),
        ["Connections:code"] = new Plain(() => "code"),
        ["Connections:redirect_uri"] = new Plain(() => "http://localhost/connections/oauth/callback"),
        ["ApiKeys:id"] = new Owned(w => w.KeyId),
        ["ApiKeys:collection_ids"] = new Owned(w => new[] { w.CollectionId }),
        ["OAuth:id"] = new Owned(w => w.GrantId),
        // An OAuth client belongs to no user: anyone about to approve it may read what it registered (never a grant).
        ["OAuth:client_id"] = new Owned(w => w.OAuthClientId, Addresses: false),
        ["Conversations:id"] = new Owned(w => w.ConversationId),
        ["conversation_id"] = new Owned(w => w.ConversationId),
        ["Playbooks:id"] = new Owned(w => w.PlaybookId),
        ["playbook_id"] = new Owned(w => w.PlaybookId),
        ["Playbooks:version_id"] = new Owned(w => w.PlaybookVersionId),
        ["PlaybookExecutions:execution_id"] = new Owned(w => w.PlaybookExecutionId),
        ["PlaybookExecutions:model_id"] = new Owned(w => $"{w.ProviderName}/model-a", Addresses: false),
        ["linked_prompt_id"] = new Owned(w => w.PromptId),
        ["prompt_reference_id"] = new Owned(w => w.PromptId),
        ["prompt_id"] = new Owned(w => w.PromptId),
        ["prompt_ids"] = new Owned(w => new[] { w.PromptId }),
        ["remixed_id"] = new Owned(w => w.PromptId),
        ["collection_id"] = new Owned(w => w.CollectionId),
        ["version_id"] = new Owned(w => w.VersionId),
        ["connection_id"] = new Owned(w => w.ConnectionId),
        ["tool_refs"] = new Owned(w => new[] { new { connection_id = w.ConnectionId, tool_name = "echo" } }),
        ["tools"] = new Owned(w => new[] { new { connection_id = w.ConnectionId, tool_name = "echo" } }),
        ["Skills:name"] = new Owned(w => w.SkillName),
        // A provider's name is the user's own label, not an id: the stranger may use the same one for a provider of their own.
        ["Providers:name"] = new Owned(w => w.ProviderName, Addresses: false),
        ["tag"] = new Owned(w => w.Tag, Addresses: false),
        ["old_name"] = new Owned(w => w.Tag, Addresses: false),
        ["query"] = new Owned(w => w.Token, Addresses: false),
        ["search"] = new Owned(w => w.Token, Addresses: false),

        ["Skills:content"] = new Plain(() => TenantWorld.SkillMd(Unique("skill-"), "Plain.")),
        ["Responses:content"] = new Plain(() => "answer"),
        ["Prompts:content"] = new Plain(() => "Hello {{name}}"),
        ["Playbooks:expose_as_tool"] = new Plain(() => false),
        ["Playbooks:content"] = new Plain(() => "# Plan\n\n## STEP 1: Go\n\nDo it."),
        ["model_id"] = new Plain(() => "model"),
        ["Conversations:model_id"] = new Plain(() => "openai/gpt-4o"),
        ["Conversations:content"] = new Plain(() => "hello"),
        ["messages"] = new Plain(() => new[] { new { role = "user", content = "hello" } }),
        ["file"] = new Plain(() => "## User\nhello"),
        ["project_api_key"] = new Plain(() => "phc_stranger"),
        ["category"] = new Plain(() => "secrets"),
        ["tool_name"] = new Plain(() => "echo"),
        ["call_id"] = new Plain(() => "call_1"),
        ["decision"] = new Plain(() => "approve"),
        ["elicitation_id"] = new Plain(() => Guid.NewGuid().ToString()),
        ["action"] = new Plain(() => "decline"),
        ["is_favorite"] = new Plain(() => true),
        ["hide_uncallable_tools"] = new Plain(() => true),
        ["variables"] = new Plain(() => new { topic = "x" }),
        ["PlaybookExecutions:response"] = new Plain(() => "because"),
        ["input_values"] = new Plain(() => new { topic = "x" }),
        ["breakpoints"] = new Plain(() => "1"),
        ["a"] = new Plain(() => 1),
        ["b"] = new Plain(() => 2),
        ["new_name"] = new Plain(() => Unique("renamed")),
        ["name"] = new Plain(() => Unique("name ")),
        ["title"] = new Plain(() => "title"),
        ["monthly_budget_usd"] = new Plain(() => 5),
        ["label"] = new Plain(() => "production"),
        ["Versions:version"] = new Plain(() => 1),
        ["prompt"] = new Plain(() => "prompt"),
        // Stored, never contacted by these calls.
        ["server_url"] = new Plain(() => "http://127.0.0.1:9/mcp"),
        ["base_url"] = new Plain(() => "http://127.0.0.1:9/v1"),
    };

    public sealed record Input(string Name, Rule? Rule, bool Required, bool InRoute, bool ToolArgument);

    /// <summary>Every input of the slice's request, with the rule that fills it.</summary>
    public static IReadOnlyList<Input> InputsOf(SliceDescriptor slice)
    {
        var route = RouteParameters(slice.Binding.Route);
        var tool = ToolSchema.ToolProperties(slice.Request).Select(Wire.NameOf).ToHashSet();
        return ToolSchema.WireProperties(slice.Request).Select(p =>
        {
            var name = Wire.NameOf(p);
            var rule = Rules.GetValueOrDefault($"{slice.Area}:{name}") ?? Rules.GetValueOrDefault(name);
            return new Input(name, rule, p.IsDefined(typeof(RequiredAttribute)) || route.Contains(name), route.Contains(name), tool.Contains(name));
        }).ToList();
    }

    /// <summary>Why the slice cannot be planned, or null when every input it needs has a rule.</summary>
    public static string? Unfillable(SliceDescriptor slice)
    {
        var missing = InputsOf(slice).Where(i => i.Required && i.Rule is null).Select(i => i.Name).ToList();
        return missing.Count == 0 ? null
            : $"{slice.Request.Name} ({slice.Binding.Verb} {slice.Binding.Route}{(slice.Binding.Tool is { } t ? $", tool {t}" : "")}): no rule for {string.Join(", ", missing)}";
    }

    /// <summary>
    /// The calls a stranger makes to the slice: one per owned input, holding the owner's value while every other
    /// owned input holds the stranger's own; and, when no owned input is required, one with none of them.
    /// </summary>
    public static IReadOnlyList<SliceCall> Plan(SliceDescriptor slice, TenantWorld owner, TenantWorld stranger)
    {
        var inputs = InputsOf(slice);
        var owned = inputs.Where(i => i.Rule is Owned).ToList();
        // An update must say what it changes (an empty PUT or PATCH is a 400 before anything is looked up): it sets the
        // first body input the table can fill.
        var isUpdate = slice.Binding.Verb is "PUT" or "PATCH";
        var firstBodyInput = inputs.FirstOrDefault(i => !i.InRoute && i.Rule is not null);
        Dictionary<string, object> Base() => inputs
            .Where(i => i.Required || (isUpdate && i == firstBodyInput))
            .ToDictionary(i => i.Name, i => i.Rule switch
            {
                Owned o => o.Of(stranger),
                Plain p => p.Value(),
                _ => throw new InvalidOperationException(Unfillable(slice)),
            });

        var calls = owned.Select(probe =>
        {
            var values = Base();
            values[probe.Name] = ((Owned)probe.Rule!).Of(owner);
            var mustBeNotFound = ((Owned)probe.Rule!).Addresses && (probe.Required || slice.Binding.Verb != "GET");
            return new SliceCall(slice, values, probe.Name, mustBeNotFound, MayBeRefused: false);
        }).ToList();
        if (!owned.Any(i => i.Required))
            calls.Add(new SliceCall(slice, Base(), Probe: null, MustBeNotFound: false, MayBeRefused: owned.Count > 0));
        return calls;
    }

    /// <summary>The owner's own read of a GET slice: every input with a rule holds the owner's value.</summary>
    public static SliceCall OwnersRead(SliceDescriptor slice, TenantWorld owner) => OwnersCall(slice, owner, i => i.Required || i.Rule is Owned);

    /// <summary>The owner's own call of any slice, with every input the table can fill (optional ones too).</summary>
    public static SliceCall OwnersCall(SliceDescriptor slice, TenantWorld owner) => OwnersCall(slice, owner, i => i.Required || i.Rule is not null);

    private static SliceCall OwnersCall(SliceDescriptor slice, TenantWorld owner, Func<Input, bool> filled) =>
        new(slice, InputsOf(slice).Where(filled).ToDictionary(i => i.Name, i => i.Rule switch
        {
            Owned o => o.Of(owner),
            Plain p => p.Value(),
            _ => throw new InvalidOperationException(Unfillable(slice)),
        }), Probe: null, MustBeNotFound: false, MayBeRefused: false);

    public static HashSet<string> RouteParameters(string route) =>
        RouteParameter().Matches(route).Select(m => m.Groups[1].Value).ToHashSet();

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex RouteParameter();
}

/// <summary>One call of a slice with its inputs; <see cref="Probe"/> names the input holding the owner's value.</summary>
public sealed record SliceCall(SliceDescriptor Slice, IReadOnlyDictionary<string, object> Inputs, string? Probe, bool MustBeNotFound, bool MayBeRefused)
{
    /// <summary>Whether the caller sent <paramref name="text"/> itself (then its echo in the answer leaks nothing).</summary>
    public bool Mentions(string text) => JsonSerializer.Serialize(Inputs).Contains(text, StringComparison.Ordinal);

    public override string ToString() =>
        $"{Slice.Binding.Verb} {Slice.Binding.Route} ({Slice.Request.Name}) " +
        (Probe is null ? "with none of the owner's objects" : $"with the owner's {Probe}");
}
