using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Features.Auth;
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

    public IReadOnlyList<string> GrantedScopes() => Scopes is null ? AccessScope.All : AccessScope.All.Intersect(Scopes).ToList();

    public void Validate(InputErrors errors)
    {
        errors.When(Name.Trim().Length > 100, "name", "must be at most 100 characters");
        errors.When(Scopes is { Count: 0 }, "scopes", "must name at least one scope");
        errors.When(Scopes?.Except(AccessScope.All).Any() == true, "scopes", "each scope must be 'read', 'write' or 'execute'");
    }
}

public sealed record CreatedApiKey(Guid Id, string Name, string Key, string Hint, DateTimeOffset CreatedAt, IReadOnlyList<string> Scopes);

public static class CreateApiKeyHandler
{
    /// <remarks>A key never gets a scope its creator's credential lacks, or a read-write key could mint an execute one.</remarks>
    public static async Task<CreatedApiKey> Handle(CreateApiKey command, IDocumentSession session, TimeProvider clock, Envelope envelope, CancellationToken ct)
    {
        if (command.GrantedScopes().Except(envelope.CallerScopes()).FirstOrDefault() is { } lacking) throw new InsufficientScopeException(lacking);
        var user = await session.LoadAsync<User>(session.CallerId(), ct) ?? throw new InvalidOperationException("signed-in user is missing");
        var key = ApiKeySecret.New();
        var apiKey = new ApiKey
        {
            Id = Guid.CreateVersion7(), Name = command.Name.Trim(), Hash = ApiKeySecret.Hash(key), Hint = ApiKeySecret.Hint(key),
            UserId = user.Id, Email = user.Email, CreatedAt = clock.GetUtcNow(), Scopes = [.. command.GrantedScopes()],
        };
        session.Store(apiKey);
        return new CreatedApiKey(apiKey.Id, apiKey.Name, key, apiKey.Hint, apiKey.CreatedAt, apiKey.Scopes);
    }
}
