using JasperFx.Metadata;
using Marten;
using Promptmark.Api.Features.Scans;

namespace Promptmark.Api.Features.Skills;

/// <summary>A user's agent skill: a validated SKILL.md plus display fields. Names are unique per user among live skills.</summary>
public sealed class Skill : ISoftDeleted
{
    public const string DefaultIcon = "✨";

    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>The canonical SKILL.md (front matter + body), as get_skill returns it.</summary>
    public string Content { get; set; } = "";

    public string Title { get; set; } = "";
    public string IconEmoji { get; set; } = DefaultIcon;
    public List<string> Tags { get; set; } = [];
    public bool IsDraft { get; set; }
    public int Version { get; set; } = 1;

    /// <summary>What the safety scan found when this content was stored.</summary>
    public List<ScanFinding> Findings { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public bool Deleted { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }

    public void SetContent(SkillDocument document)
    {
        Name = document.Name;
        Description = document.Description;
        Content = document.ToMarkdown();
        Findings = ContentScanner.Scan("content", Content).ToList();
    }
}

/// <summary>A skill's earlier state, kept by update_skill before it changes anything.</summary>
public sealed class SkillVersion
{
    public Guid Id { get; set; }
    public Guid SkillId { get; set; }
    public int Number { get; set; }
    public string Content { get; set; } = "";
    public string Title { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class SkillStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options)
    {
        options.Schema.For<Skill>().SoftDeleted().Index(s => s.Name);
        options.Schema.For<SkillVersion>().Index(v => v.SkillId);
    }
}
