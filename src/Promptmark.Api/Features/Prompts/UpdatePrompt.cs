using Wolverine;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Features.Versions;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Json;
using Promptmark.Api.Infrastructure.Mcp;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Prompts;

[Description("Update an existing prompt. Only provided fields are changed.")]
public sealed record UpdatePrompt : PrivateInput, ISlice<PromptView>, IPromptFields, IPromptToolFields, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Patch("/api/prompts/{id}").AsTool("update_prompt", "Update a prompt")
        .Described("Update a prompt; a change of title, content or notes keeps the previous state as a version");

    [Required, Description("Prompt ID to update")]
    public string Id { get; init; } = "";

    [Description("New title")]
    public string? Title { get; init; }

    [Description("New content")]
    public string? Prompt { get; init; }

    [Description("New notes")]
    public string? Notes { get; init; }

    [Description("Public visibility")]
    public bool? IsPublic { get; init; }

    [Description("Allow remixing")]
    public bool? IsRemixable { get; init; }

    [Description("JSON array of tags")]
    public StringList? Tags { get; init; }

    [Description("Prompt type")]
    public string? TypeId { get; init; }

    [Description("Collection ID (empty string to remove)")]
    public string? CollectionId { get; init; }

    [Description("JSON array of model IDs")]
    public StringList? Models { get; init; }

    [Description("Rating 1-5")]
    public double? SelfRating { get; init; }

    [RestOnly, Description("What changed, shown beside this state in the version history (at most 500 characters); without a change of " +
                           "title, content or notes it rewrites the current state's note")]
    public string? VersionNote { get; init; }

    [RestOnly, Description("Offer the prompt on /mcp as a tool of its own, named from its title (at most 50 per user; 409 beyond); false withdraws it and keeps the name")]
    public bool? ExposeAsTool { get; init; }

    [RestOnly, Description("Derive the tool's name again from the current title; otherwise the name stays what it was when first exposed")]
    public bool? RederiveToolName { get; init; }

    public void Validate(InputErrors errors)
    {
        PromptFields.Validate(this, errors);
        errors.When(VersionNote?.Length > MaxVersionNote, "version_note", $"must be at most {MaxVersionNote} characters");
    }

    public const int MaxVersionNote = 500;
}

public static class UpdatePromptHandler
{
    public static async Task<PromptView> Handle(UpdatePrompt command, IDocumentSession session, TimeProvider clock, Envelope envelope, UserTools tools, CancellationToken ct)
    {
        var prompt = await session.LoadOwnedPromptAsync(command.Id, ct);
        var now = clock.GetUtcNow();
        if (ChangesText(command, prompt)) session.Store(PromptVersion.Snapshot(prompt, now));
        var notice = await PromptFields.ApplyAsync(command, prompt, session, envelope.DoorOf(), ct);
        await PromptToolExposure.ApplyAsync(command, prompt, session, tools, ct);
        if (command.VersionNote is { } note) prompt.VersionNote = note.Trim() is { Length: > 0 } said ? said : null;
        prompt.UpdatedAt = now;
        session.Store(prompt);
        return PromptView.Of(prompt, session.CallerId(), notice);
    }

    private static bool ChangesText(UpdatePrompt command, Prompt prompt) =>
        (command.Title is { } title && title.Trim() != prompt.Title)
        || (command.Prompt is { } content && content != prompt.Content)
        || (command.Notes is { } notes && (notes.Length == 0 ? null : notes) != prompt.Notes);
}
