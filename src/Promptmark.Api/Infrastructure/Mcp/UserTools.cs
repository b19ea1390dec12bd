using Marten;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Infrastructure.Mcp;

/// <summary>
/// One kind of object a user can offer on <c>/mcp</c> as a tool of its own (a prompt, a playbook). Each kind keeps its
/// tools' names on its documents; <see cref="UserTools"/> lists them for the owner's sessions only and routes calls.
/// </summary>
public interface IUserToolSource
{
    /// <summary>The caller's exposed tools of this kind.</summary>
    Task<IReadOnlyList<Tool>> ListAsync(IQuerySession session, CancellationToken ct);

    /// <summary>Runs the caller's exposed tool <paramref name="name"/>, or null when none of this kind has that name.</summary>
    Task<CallToolResult?> CallAsync(string name, RequestContext<CallToolRequestParams> request, IDocumentSession session, CancellationToken ct);

    /// <summary>Every tool name of this kind the caller holds, exposed or withdrawn (a withdrawn one keeps its name).</summary>
    Task<IReadOnlyList<string>> NamesAsync(IQuerySession session, CancellationToken ct);
}

/// <summary>What an object offered as one of the user's own tools keeps about it.</summary>
public interface IExposableTool
{
    bool ExposedAsTool { get; set; }

    /// <summary>Derived from the title when first exposed, kept since (null until then).</summary>
    string? ToolName { get; set; }
}

/// <summary>
/// The user's own tools, from every <see cref="IUserToolSource"/> in the order they were registered: listed on
/// <c>tools/list</c> before the built-in tools (the SDK appends those), and called by name when no built-in tool has it.
/// Names are unique across the kinds and never a built-in tool's; a name a built-in tool took since is left out.
/// </summary>
public sealed class UserTools(IEnumerable<IUserToolSource> sources)
{
    private static readonly HashSet<string> BuiltInNames = SliceCatalog.Instance.Tools.Select(t => t.Binding.Tool!).ToHashSet(StringComparer.Ordinal);

    public static bool IsBuiltIn(string name) => BuiltInNames.Contains(name);

    /// <summary>All of them on the first page (each kind caps how many a user exposes).</summary>
    public static async ValueTask<ListToolsResult> ListAsync(RequestContext<ListToolsRequestParams> request, CancellationToken ct)
    {
        // A key restricted to chosen collections gets none of the user's own tools (prompts of any collection, playbooks).
        if (request.Params?.Cursor is not null || request.User is { } caller && CollectionGrants.Of(caller) is not null) return new ListToolsResult();
        await using var session = request.OpenCallerSession();
        var listed = new List<Tool>();
        foreach (var source in request.Services!.GetRequiredService<UserTools>().Sources)
            listed.AddRange((await source.ListAsync(session, ct)).Where(t => !IsBuiltIn(t.Name) && listed.All(l => l.Name != t.Name)));
        return new ListToolsResult { Tools = listed };
    }

    /// <summary><c>tools/call</c> for a name no built-in tool has: one of the caller's own tools, whoever else has a tool of that name.</summary>
    public static async ValueTask<CallToolResult> CallAsync(RequestContext<CallToolRequestParams> request, CancellationToken ct)
    {
        var name = request.Params?.Name ?? "";
        var userId = request.User?.FindUserId() ?? throw new McpProtocolException("authentication required", McpErrorCode.InvalidRequest);
        if (CollectionGrants.Of(request.User) is not null) throw UnknownTool(name);
        await using var session = request.Services!.GetRequiredService<IDocumentStore>().LightweightSession(userId.ToString());
        foreach (var source in request.Services!.GetRequiredService<UserTools>().Sources)
            if (await source.CallAsync(name, request, session, ct) is { } result) return result;
        throw UnknownTool(name);
    }

    private static McpProtocolException UnknownTool(string name) => new($"Unknown tool: '{name}'", McpErrorCode.InvalidParams);

    private IEnumerable<IUserToolSource> Sources => sources;

    /// <summary>How many objects of one kind a user may expose: a tools/list of hundreds drowns a model's context.</summary>
    public const int MaxExposedPerKind = 50;

    /// <summary>
    /// Exposes or withdraws <paramref name="item"/> as <paramref name="expose"/> asks (409 past <see cref="MaxExposedPerKind"/>,
    /// counted by <paramref name="countExposed"/>), and names it from <paramref name="slug"/> when first exposed or when
    /// asked to <paramref name="rederive"/>; otherwise a name, once given, stays across renames and withdrawals.
    /// </summary>
    public async Task ApplyAsync(IExposableTool item, bool? expose, bool? rederive, string slug, string kinds, Func<Task<int>> countExposed,
        IQuerySession session, CancellationToken ct)
    {
        if (expose is { } exposing)
        {
            if (exposing && !item.ExposedAsTool && await countExposed() is var exposed && exposed >= MaxExposedPerKind)
                throw new ConflictException($"At most {MaxExposedPerKind} {kinds} can be exposed as tools, and {exposed} are: turn one off (expose_as_tool: false) first.");
            item.ExposedAsTool = exposing;
        }
        if (item.ExposedAsTool && (item.ToolName is null || rederive == true))
            item.ToolName = await FreeNameAsync(session, slug, item.ToolName, ct);
    }

    /// <summary>
    /// <paramref name="slug"/>, or with the first free <c>_2</c>, <c>_3</c>… suffix when a built-in tool or another of the
    /// caller's tools of any kind has it; <paramref name="own"/> is the object's current name, which stays free for it.
    /// </summary>
    private async Task<string> FreeNameAsync(IQuerySession session, string slug, string? own, CancellationToken ct)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources) taken.UnionWith(await source.NamesAsync(session, ct));
        if (own is not null) taken.Remove(own);
        var name = slug;
        for (var suffix = 2; taken.Contains(name) || IsBuiltIn(name); suffix++) name = $"{slug}_{suffix}";
        return name;
    }
}
