using System.ComponentModel;
using Promptmark.Api.Infrastructure.Auth;

namespace Promptmark.Api.Features.ApiKeys;

/// <summary>A personal API key. Only the SHA-256 of the key is kept; the key itself is shown once, at creation.</summary>
public sealed class ApiKey
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Hash { get; set; }
    public required string Hint { get; set; }

    /// <summary>Copied here so that authenticating a key is one indexed read, without a join to the user.</summary>
    public Guid UserId { get; set; }
    public required string Email { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>What the key may do (<see cref="AccessScope"/>); keys made before scopes existed read as all three.</summary>
    public List<string> Scopes { get; set; } = [.. AccessScope.All];

    /// <summary>The collections the key is restricted to (<see cref="CollectionGrants"/>), or null for all of the user's data.</summary>
    public List<Guid>? CollectionIds { get; set; }
}

public sealed record ApiKeyView(Guid Id, string Name, string Hint, DateTimeOffset CreatedAt, IReadOnlyList<string> Scopes,
    [property: Description("The collections the key is restricted to, or null when it reaches all of your data")] IReadOnlyList<Guid>? CollectionIds)
{
    public static ApiKeyView Of(ApiKey key) => new(key.Id, key.Name, key.Hint, key.CreatedAt, key.Scopes, key.CollectionIds);
}
