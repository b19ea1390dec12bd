using ModelContextProtocol.Protocol;

namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>
/// What an MCP tool does to the user's data, sent as the tool's annotations so a client can tell a read from a delete.
/// A binding's verb picks the usual kind (<see cref="ForVerb"/>); a slice whose verb says less than the truth names
/// its kind itself (a POST that only renders is <see cref="Reads"/>).
/// </summary>
public sealed record ToolHints(bool ReadOnly, bool Destructive, bool Idempotent)
{
    /// <summary>True when the tool reaches a server outside Promptmark (a remote MCP server, a model provider).</summary>
    public bool OpenWorld { get; init; }

    /// <summary>Changes nothing.</summary>
    public static readonly ToolHints Reads = new(ReadOnly: true, Destructive: false, Idempotent: true);

    /// <summary>Adds something new and leaves what exists as it was; calling again adds again.</summary>
    public static readonly ToolHints Adds = new(ReadOnly: false, Destructive: false, Idempotent: false);

    /// <summary>Adds what is not there yet (a tag a prompt lacks); calling again changes nothing more.</summary>
    public static readonly ToolHints AddsIfMissing = Adds with { Idempotent = true };

    /// <summary>Replaces what something held; calling again with the same arguments changes nothing more.</summary>
    public static readonly ToolHints Changes = new(ReadOnly: false, Destructive: true, Idempotent: true);

    /// <summary>Removes something; calling again changes nothing more.</summary>
    public static readonly ToolHints Deletes = new(ReadOnly: false, Destructive: true, Idempotent: true);

    public ToolAnnotations Annotations(string? title) => new()
    {
        Title = title,
        ReadOnlyHint = ReadOnly,
        DestructiveHint = Destructive,
        IdempotentHint = Idempotent,
        OpenWorldHint = OpenWorld,
    };

    public static ToolHints ForVerb(string verb) => verb switch
    {
        "GET" => Reads,
        "POST" => Adds,
        "PUT" or "PATCH" => Changes,
        "DELETE" => Deletes,
        _ => throw new ArgumentOutOfRangeException(nameof(verb), verb, "No tool kind for this verb"),
    };
}
