using JasperFx.Metadata;
using Marten;
using Promptmark.Api.Infrastructure.Mcp;
using Promptmark.Api.Engines.Playbooks;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Features.Scans;

namespace Promptmark.Api.Features.Playbooks;

/// <summary>A PLAYBOOK.md document in a user's library. Stored tenant-scoped; soft-deleted playbooks vanish from every read.</summary>
public sealed class Playbook : ISoftDeleted, IExposableTool
{
    public Guid Id { get; set; }
    public Guid OwnerId { get; set; }
    public string Title { get; set; } = "";
    public string Content { get; set; } = "";
    public string? Description { get; set; }
    public List<string> Tags { get; set; } = [];

    /// <summary>Lower-cased <see cref="Tags"/>: tags match case-insensitively in filters.</summary>
    public List<string> TagKeys { get; set; } = [];

    public string? DefaultModelId { get; set; }
    public string ArtifactType { get; set; } = "";

    /// <summary>Derived from <see cref="Content"/>'s <c>@output</c> directives on every write.</summary>
    public List<string> OutputVars { get; set; } = [];

    /// <summary>Whether the playbook is offered on <c>/mcp</c> as a tool of its own (<see cref="ExposePlaybookAsToolHandler"/>).</summary>
    public bool ExposedAsTool { get; set; }

    /// <summary>The tool's name, derived from the title when first exposed and kept since (null until then).</summary>
    public string? ToolName { get; set; }

    /// <summary>How the tool answers: <see cref="PlaybookToolModes.Sync"/> or <see cref="PlaybookToolModes.Inbound"/>.</summary>
    public string ToolMode { get; set; } = PlaybookToolModes.Sync;

    /// <summary>The same scan as a prompt's, of the title, content and description.</summary>
    public PromptScan Scan { get; set; } = new();

    /// <summary>The number of the current state; earlier states are <see cref="PlaybookVersion"/>s numbered below it.</summary>
    public int Version { get; set; } = 1;

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public bool Deleted { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }

    public void SetTags(IEnumerable<string> tags)
    {
        Tags = PromptTags.Normalize(tags);
        TagKeys = PromptTags.KeysOf(Tags);
    }

    /// <summary>Content that parses (the caller checked); the artifact type follows the content's ## ARTIFACTS unless set apart.</summary>
    public void SetContent(string content, PlaybookDefinition definition)
    {
        Content = content;
        OutputVars = definition.OutputVars().ToList();
        if (definition.ArtifactType.Length > 0) ArtifactType = definition.ArtifactType;
    }

    public void Rescan() => Scan.Record(ContentScanner.Scan(("title", Title), ("content", Content), ("description", Description)));
}

public sealed class PlaybookStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options)
    {
        options.Schema.For<Playbook>().SoftDeleted().Index(p => p.UpdatedAt);
        options.Schema.For<PlaybookVersion>().Index(v => v.PlaybookId);
    }
}
