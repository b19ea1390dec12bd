using Marten;
using Microsoft.Extensions.DependencyInjection;
using Promptmark.Api.Features.OAuth;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.OAuth;

/// <summary>
/// A restart of the same build skips Marten's schema comparison and creates no table at run time (SchemaStamp), so every
/// table the OAuth server writes must be built at start from the configured document types: otherwise the first
/// approval after such a restart fails when no grant was written before it.
/// </summary>
public sealed class OAuthStorageTests(PromptmarkApp app)
{
    [Theory]
    [InlineData(typeof(OAuthClient))]
    [InlineData(typeof(OAuthGrant))]
    public void The_oauth_documents_are_configured_so_their_tables_are_built_at_start(Type document)
    {
        // A fresh configuration, as at start: the app's own store also knows the types it met at run time.
        var options = new StoreOptions();
        options.Policies.AllDocumentsAreMultiTenanted();
        foreach (var configure in app.Host.Services.GetServices<IConfigureMarten>()) configure.Configure(app.Host.Services, options);

        ((IReadOnlyStoreOptions)options).AllKnownDocumentTypes().Select(known => known.DocumentType).ShouldContain(document);
    }
}
