using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Features.Auth;
using Promptmark.Api.Features.Collections;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Slices;
using Wolverine;

namespace Promptmark.Api.Features.ApiKeys;

[Description("Create an API key for MCP clients and scripts. The key is returned only in this response.")]
public sealed record CreateApiKey : PrivateInput, ISlice<CreatedApiKey>, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/keys").Created()
        .Described("Create an API key (the key is shown only once)");

    [Required, Description("A name to recognise the key by, e.g. 'Claude Desktop'")]
    public string Name { get; init; } = "";

    [Description("What the key may do, any of 'read', 'write' (change your data) and 'execute' (run remote MCP tools and models); default all three")]
    public IReadOnlyList<string>? Scopes { get; init; }

    [Description("Restrict the key to these collections of yours: it then lists, reads, renders and creates only their prompts, lists only them, and is refused (403) everything else; default unrestricted")]
    public IReadOnlyList<string>? CollectionIds { get; init; }

    public IReadOnlyList<string> GrantedScopes() => Scopes is null ? AccessScope.All : AccessScope.All.Intersect(Scopes).ToList();

    public void Validate(InputErrors errors)
    {
        errors.When(Name.Trim().Length > 100, "name", "must be at most 100 characters");
        errors.When(Scopes is { Count: 0 }, "scopes", "must name at least one scope");
        errors.When(Scopes?.Except(AccessScope.All).Any() == true, "scopes", "each scope must be 'read', 'write' or 'execute'");
        errors.When(CollectionIds is { Count: 0 }, "collection_ids", "must name at least one collection, or be left out for all");
        errors.When(CollectionIds?.Any(id => !Guid.TryParse(id, out _)) == true, "collection_ids", "each must be a collection ID");
    }

    /// <summary>
    /// The granted collections, all of them the caller's own, or null for an unrestricted key. Another user's collection
    /// answers "collection not found", as it does everywhere else.
    /// </summary>
    public async Task<List<Guid>?> GrantedCollectionsAsync(IQuerySession session, CancellationToken ct)
    {
        if (CollectionIds is null) return null;
        var requested = CollectionIds.Select(Guid.Parse).Distinct().ToList();
        var owned = await session.Query<Collection>().Where(c => requested.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        if (requested.Except(owned).Any()) throw new NotFoundException("collection");
        return requested;
    }
}

public sealed record CreatedApiKey(Guid Id, string Name, string Key, string Hint, DateTimeOffset CreatedAt, IReadOnlyList<string> Scopes,
    [property: Description("The collections the key is restricted to, or null when it reaches all of your data")] IReadOnlyList<Guid>? CollectionIds);

public static class CreateApiKeyHandler
{
    /// <remarks>A key never gets a scope its creator's credential lacks, or a read-write key could mint an execute one.</remarks>
    public static async Task<CreatedApiKey> Handle(CreateApiKey command, IDocumentSession session, TimeProvider clock, Envelope envelope, CancellationToken ct)
    {
        if (command.GrantedScopes().Except(envelope.CallerScopes()).FirstOrDefault() is { } lacking) throw new InsufficientScopeException(lacking);
        var user = await session.LoadAsync<User>(session.CallerId(), ct) ?? throw new InvalidOperationException("signed-in user is missing");
        var collections = await command.GrantedCollectionsAsync(session, ct);
        var key = ApiKeySecret.New();
        var apiKey = new ApiKey
        {
            Id = Guid.CreateVersion7(), Name = command.Name.Trim(), Hash = ApiKeySecret.Hash(key), Hint = ApiKeySecret.Hint(key),
            UserId = user.Id, Email = user.Email, CreatedAt = clock.GetUtcNow(), Scopes = [.. command.GrantedScopes()], CollectionIds = collections,
        };
        session.Store(apiKey);
        return new CreatedApiKey(apiKey.Id, apiKey.Name, key, apiKey.Hint, apiKey.CreatedAt, apiKey.Scopes, apiKey.CollectionIds);
    }
}
