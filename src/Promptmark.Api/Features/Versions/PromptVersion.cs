using Promptmark.Api.Features.Prompts;

namespace Promptmark.Api.Features.Versions;

/// <summary>A snapshot of a prompt's title, content and notes as they were before a change.</summary>
public sealed class PromptVersion
{
    public Guid Id { get; set; }
    public Guid PromptId { get; set; }
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public string Content { get; set; } = "";
    public string? Notes { get; set; }

    /// <summary>What changed in this state, as its author said when saving it.</summary>
    public string? Note { get; set; }

    /// <summary>The version this state was restored from, if it was.</summary>
    public int? RestoredFrom { get; set; }

    /// <summary>When this state was replaced.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Keeps the current state of <paramref name="prompt"/> as a version (with its note) and advances its number, before the caller changes it.</summary>
    public static PromptVersion Snapshot(Prompt prompt, DateTimeOffset now)
    {
        var version = new PromptVersion
        {
            Id = Guid.CreateVersion7(), PromptId = prompt.Id, Number = prompt.Version,
            Title = prompt.Title, Content = prompt.Content, Notes = prompt.Notes,
            Note = prompt.VersionNote, RestoredFrom = prompt.RestoredFrom, CreatedAt = now,
        };
        prompt.Version++;
        prompt.VersionNote = null;
        prompt.RestoredFrom = null;
        return version;
    }
}
