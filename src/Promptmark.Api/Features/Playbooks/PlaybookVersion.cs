namespace Promptmark.Api.Features.Playbooks;

/// <summary>A snapshot of a playbook's editable state as it was before a change.</summary>
public sealed class PlaybookVersion
{
    public Guid Id { get; set; }
    public Guid PlaybookId { get; set; }
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public string Content { get; set; } = "";
    public string? Description { get; set; }
    public List<string> Tags { get; set; } = [];
    public string? DefaultModelId { get; set; }
    public string ArtifactType { get; set; } = "";

    /// <summary>When this state was replaced.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Keeps the current state of <paramref name="playbook"/> as a version and advances its number, before the caller changes it.</summary>
    public static PlaybookVersion Snapshot(Playbook playbook, DateTimeOffset now)
    {
        var version = new PlaybookVersion
        {
            Id = Guid.CreateVersion7(), PlaybookId = playbook.Id, Number = playbook.Version, Title = playbook.Title,
            Content = playbook.Content, Description = playbook.Description, Tags = [.. playbook.Tags],
            DefaultModelId = playbook.DefaultModelId, ArtifactType = playbook.ArtifactType, CreatedAt = now,
        };
        playbook.Version++;
        return version;
    }
}

public sealed record PlaybookVersionSummary(Guid Id, int Number, string Title, int ContentLength, DateTimeOffset CreatedAt)
{
    public static PlaybookVersionSummary Of(PlaybookVersion version) =>
        new(version.Id, version.Number, version.Title, version.Content.Length, version.CreatedAt);
}

public sealed record PlaybookHistory(Guid PlaybookId, int CurrentVersion, IReadOnlyList<PlaybookVersionSummary> Versions);
