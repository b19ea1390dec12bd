using Promptmark.Api.Engines.Playbooks;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Json;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Playbooks;

/// <summary>The editable fields shared by create_playbook and update_playbook; null means "not given".</summary>
public interface IPlaybookFields
{
    string? Title { get; }
    string? Content { get; }
    string? Description { get; }
    StringList? Tags { get; }
    string? DefaultModelId { get; }
    string? ArtifactType { get; }
    List<string>? OutputVars { get; }
}

/// <summary>The rules and the write of <see cref="IPlaybookFields"/>, in one place for both slices.</summary>
public static class PlaybookFields
{
    public const int MaxTitle = 200;
    public const int MaxDescription = 2_000;
    public const int MaxModelId = 100;

    public static void Validate(IPlaybookFields fields, InputErrors errors)
    {
        if (fields.Title is { } title)
            errors.When(title.Trim().Length is 0 or > MaxTitle, "title", $"must be 1 to {MaxTitle} characters");
        if (fields.Description is { } description)
            errors.When(description.Length > MaxDescription, "description", $"must be at most {MaxDescription:N0} characters");
        if (fields.DefaultModelId is { } model)
            errors.When(model.Trim().Length > MaxModelId, "default_model_id", $"must be at most {MaxModelId} characters");
        if (fields.ArtifactType is { Length: > 0 } artifact)
            errors.When(!ArtifactSection.Types.Contains(artifact), "artifact_type", $"must be one of: {string.Join(", ", ArtifactSection.Types)}");
        if (fields.Tags is { } tags) PromptTags.Validate(tags, errors, "playbook");
    }

    /// <summary>
    /// Writes the given fields onto <paramref name="playbook"/> and scans its text again. Content must parse without a
    /// fatal error (422 listing each one at its line and column); a <c>## ARTIFACTS</c> type in it wins over
    /// artifact_type; output_vars, when given, must be what the content's <c>@output</c> directives capture.
    /// </summary>
    public static void Apply(IPlaybookFields fields, Playbook playbook)
    {
        if (fields.Title is { } title) playbook.Title = title.Trim();
        if (fields.Description is { } description) playbook.Description = description.Length == 0 ? null : description;
        if (fields.Tags is { } tags) playbook.SetTags(tags);
        if (fields.DefaultModelId is { } model) playbook.DefaultModelId = model.Trim().Length == 0 ? null : model.Trim();
        if (fields.ArtifactType is { } artifact) playbook.ArtifactType = artifact;
        if (fields.Content is { } content) playbook.SetContent(content, DefinitionOf(content));
        if (fields.OutputVars is { } declared && !declared.SequenceEqual(playbook.OutputVars))
            throw new UnprocessableException($"output_vars are derived from the content's @output directives: [{string.Join(", ", playbook.OutputVars)}]");
        if (fields.Title is not null || fields.Content is not null || fields.Description is not null) playbook.Rescan();
    }

    /// <summary>The definition of content that parses; a fatal parse error is a 422 listing each error at its line and column.</summary>
    public static PlaybookDefinition DefinitionOf(string content)
    {
        // Through the cache: the saved playbook's view, answered next, reads the same text.
        var parsed = PlaybookCache.Parse(content);
        if (parsed is { Valid: true, Definition: { } definition }) return definition;
        throw new UnprocessableException(
            "content is not a valid playbook: " + string.Join("; ", parsed.Errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}")),
            new Dictionary<string, object?> { ["errors"] = parsed.Errors });
    }
}
