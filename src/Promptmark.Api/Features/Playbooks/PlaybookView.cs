using Promptmark.Api.Engines.Playbooks;
using Promptmark.Api.Features.Prompts;

namespace Promptmark.Api.Features.Playbooks;

/// <summary>A playbook as both doors show it; <see cref="Definition"/> (the parsed structure) only where one playbook is read or written.</summary>
public sealed record PlaybookView(
    Guid Id, string Title, string Content, string? Description, IReadOnlyList<string> Tags, string? DefaultModelId,
    string ArtifactType, IReadOnlyList<string> OutputVars, int StepCount, int Version, ScanView Scan,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, PlaybookParseResult? Definition, bool ExposedAsTool, string? ToolName, string ToolMode)
{
    public static PlaybookView Of(Playbook playbook, bool withDefinition)
    {
        var parsed = PlaybookCache.Parse(playbook.Content);
        return new(playbook.Id, playbook.Title, playbook.Content, playbook.Description, playbook.Tags, playbook.DefaultModelId,
            playbook.ArtifactType, playbook.OutputVars, parsed.Definition?.Steps.Count ?? 0, playbook.Version, ScanView.Of(playbook.Scan),
            playbook.CreatedAt, playbook.UpdatedAt, withDefinition ? parsed : null, playbook.ExposedAsTool, playbook.ToolName, playbook.ToolMode);
    }
}

public sealed record PlaybookPage(IReadOnlyList<PlaybookView> Playbooks, long Total, int Page, int PageSize);
