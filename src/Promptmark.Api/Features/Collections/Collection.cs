namespace Promptmark.Api.Features.Collections;

/// <summary>A folder of prompts. A prompt belongs to at most one collection.</summary>
public sealed class Collection
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string Icon { get; set; } = "folder";
    public string Color { get; set; } = "gray";
    public bool IsPublic { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
