using JasperFx.Metadata;
using Marten;
using Promptmark.Api.Infrastructure.Mcp;
using Promptmark.Api.Features.Versions;

namespace Promptmark.Api.Features.Prompts;

/// <summary>A prompt or template in a user's library. Stored tenant-scoped; soft-deleted prompts vanish from every read.</summary>
public sealed class Prompt : ISoftDeleted, IExposableTool
{
    public Guid Id { get; set; }
    public Guid OwnerId { get; set; }
    public string Title { get; set; } = "";
    public string Content { get; set; } = "";
    public string? Notes { get; set; }
    public bool IsPublic { get; set; }
    public bool IsRemixable { get; set; }
    public List<string> Tags { get; set; } = [];

    /// <summary>Lower-cased <see cref="Tags"/>: tags match case-insensitively in filters.</summary>
    public List<string> TagKeys { get; set; } = [];

    public string TypeId { get; set; } = PromptTypes.General;
    public Guid? CollectionId { get; set; }
    public Guid? RemixedFromId { get; set; }
    public Guid? RemixedFromAuthorId { get; set; }
    public List<string> Models { get; set; } = [];
    public double SelfRating { get; set; }

    /// <summary>Derived from <see cref="Content"/> on every write, stored so lists can filter on it.</summary>
    public bool IsTemplate { get; set; }

    public List<ToolRef> ToolRefs { get; set; } = [];

    public PromptScan Scan { get; set; } = new();

    /// <summary>Whether the prompt is offered on <c>/mcp</c> as a tool of its own (<see cref="PromptToolExposure"/>).</summary>
    public bool ExposedAsTool { get; set; }

    /// <summary>The tool's name, derived from the title the first time the prompt is exposed and kept through renames and toggles.</summary>
    public string? ToolName { get; set; }

    /// <summary>The number of the current state; earlier states are <see cref="PromptVersion"/>s numbered below it.</summary>
    public int Version { get; set; } = 1;

    /// <summary>What changed in the current state, as its author said; it goes into the history with that state.</summary>
    public string? VersionNote { get; set; }

    /// <summary>The version number the current state was restored from, if it was.</summary>
    public int? RestoredFrom { get; set; }

    /// <summary>Named pointers to version numbers ("production", "staging"); one may point at the current state.</summary>
    public Dictionary<string, int> Labels { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public bool Deleted { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }

    public void SetTags(IEnumerable<string> tags)
    {
        Tags = PromptTags.Normalize(tags);
        TagKeys = PromptTags.KeysOf(Tags);
    }

    public void SetContent(string content)
    {
        Content = content;
        IsTemplate = Templates.Template.Parse(content).IsTemplate;
    }
}

public sealed class PromptStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options)
    {
        options.Schema.For<Prompt>()
            .SoftDeleted()
            .Index(p => p.UpdatedAt);
        options.Schema.For<PromptVersion>().Index(v => v.PromptId);
    }
}
