using System.Reflection;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Promptmark.Api.Features.ApiKeys;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Slices;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Infrastructure;

/// <summary>
/// A restart of the same build skips Marten's schema comparison and creates no table at run time (SchemaStamp), so
/// every document's table must be built at start from the configured document types. A document nobody configured
/// works on a fresh database and fails with 500 after the next restart, until someone first writes one: each area
/// names its documents in an <see cref="IConfigureMarten"/> beside them.
/// </summary>
public sealed class DocumentSchemaTests(PromptmarkApp app)
{
    [Fact]
    public void every_document_is_configured_so_its_table_is_built_at_start()
    {
        // A fresh configuration, as at start: the app's own store also knows the types it met at run time.
        var options = new StoreOptions();
        options.Policies.AllDocumentsAreMultiTenanted();
        foreach (var configure in app.Host.Services.GetServices<IConfigureMarten>()) configure.Configure(app.Host.Services, options);
        var configured = ((IReadOnlyStoreOptions)options).AllKnownDocumentTypes().Select(known => known.DocumentType).ToHashSet();

        var documents = DocumentTypes();
        documents.ShouldContain(typeof(Prompt));
        documents.ShouldContain(typeof(ApiKey));
        documents.Where(d => !configured.Contains(d)).Select(d => d.FullName).ShouldBeEmpty();
    }

    /// <summary>Our documents by their shape: classes (not records, not slice requests) with a public settable <c>Id</c>.</summary>
    private static List<Type> DocumentTypes() =>
        typeof(PrivateInput).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && !t.IsSubclassOf(typeof(PrivateInput)))
            .Where(t => t.GetMethod("<Clone>$") is null && t.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null)
            .Where(t => t.GetProperty("Id", BindingFlags.Public | BindingFlags.Instance)?.SetMethod?.IsPublic == true)
            .ToList();
}
