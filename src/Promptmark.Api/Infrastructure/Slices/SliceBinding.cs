using Promptmark.Api.Infrastructure.Auth;

namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>Where a slice is reachable: one REST route, and optionally one MCP tool.</summary>
public sealed record SliceBinding(string Verb, string Route)
{
    /// <summary>The MCP tool name, or null for a REST-only slice (accounts, keys).</summary>
    public string? Tool { get; init; }

    /// <summary>The MCP tool's human title (sentence case), shown by clients instead of its name.</summary>
    public string? ToolTitle { get; init; }

    /// <summary>The MCP tool's annotations: what it does to the user's data, and whether it reaches outside.</summary>
    public ToolHints? Hints { get; init; }

    /// <summary>
    /// The <see cref="AccessScope"/> a caller's credential needs: <c>execute</c> for a tool that reaches outside Promptmark,
    /// <c>read</c> for a read-only tool or a GET, <c>write</c> for any other change, unless the slice names it (<see cref="Needs"/>).
    /// </summary>
    public string Scope => ScopeOverride
        ?? (Hints?.OpenWorld == true ? AccessScope.Execute : Hints?.ReadOnly ?? Verb == "GET" ? AccessScope.Read : AccessScope.Write);

    private string? ScopeOverride { get; init; }

    /// <summary>OpenAPI summary; the request's [Description] when not given.</summary>
    public string? Summary { get; init; }

    public int SuccessStatus { get; init; } = StatusCodes.Status200OK;

    /// <summary>Reachable without credentials (registration only).</summary>
    public bool Anonymous { get; init; }

    /// <summary>
    /// The text an MCP client gets instead of the response as JSON, when the contract says the tool answers a
    /// document (get_skill answers the SKILL.md itself). REST still answers the JSON.
    /// </summary>
    public Func<object, string>? McpText { get; init; }

    /// <summary>The media types of the file the REST route answers (an <see cref="IRestDocument"/>), when it answers no JSON.</summary>
    public string[] FileMediaTypes { get; init; } = [];

    /// <summary>Problem statuses this route may answer besides 400, 401 and 404, for the OpenAPI document.</summary>
    public IReadOnlyList<int> OtherProblems { get; init; } = [];

    /// <summary>
    /// The handler filters what it reads and writes by the caller's <see cref="CollectionGrants"/>, so a key restricted to
    /// chosen collections may call it; every other slice refuses such a key (403).
    /// </summary>
    public bool WithinCollectionGrants { get; init; }

    /// <summary>The ASP.NET Core rate-limiting policy the REST route is held to, if any.</summary>
    public string? RateLimitPolicy { get; init; }

    public static SliceBinding Get(string route) => new("GET", route);
    public static SliceBinding Post(string route) => new("POST", route);
    public static SliceBinding Put(string route) => new("PUT", route);
    public static SliceBinding Patch(string route) => new("PATCH", route);
    public static SliceBinding Delete(string route) => new("DELETE", route);

    /// <summary>Also an MCP tool; its hints follow the verb unless the slice names them (a POST that only reads).</summary>
    public SliceBinding AsTool(string name, string title, ToolHints? hints = null) =>
        this with { Tool = name, ToolTitle = title, Hints = hints ?? ToolHints.ForVerb(Verb) };
    /// <summary>Overrides the scope the binding's verb and hints imply (a REST-only route that runs a remote tool needs execute).</summary>
    public SliceBinding Needs(string scope) => this with { ScopeOverride = scope };
    public SliceBinding Described(string summary) => this with { Summary = summary };
    public SliceBinding Created() => this with { SuccessStatus = StatusCodes.Status201Created };
    public SliceBinding MayAnswer(params int[] problemStatuses) => this with { OtherProblems = problemStatuses };
    public SliceBinding AllowAnonymous() => this with { Anonymous = true };
    public SliceBinding HonoursCollectionGrants() => this with { WithinCollectionGrants = true };
    public SliceBinding RateLimited(string policy) => this with { RateLimitPolicy = policy };
    public SliceBinding AnswersFile(params string[] mediaTypes) => this with { FileMediaTypes = mediaTypes };
    public SliceBinding AnswersMcpWith<TResponse>(Func<TResponse, string> text) => this with { McpText = response => text((TResponse)response) };
}
