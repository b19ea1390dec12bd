using Wolverine;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Json;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Prompts;

[Description("Create a new prompt.")]
public sealed record CreatePrompt : PrivateInput, ISlice<PromptView>, IPromptFields, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/prompts").AsTool("create_prompt", "Create a prompt").Created().HonoursCollectionGrants()
        .Described("Create a prompt (a template when its content holds {{variables}})");

    [Required, Description("Prompt title")]
    public string? Title { get; init; }

    [Required, Description("Prompt content (use {{var}} for templates)")]
    public string? Prompt { get; init; }

    [Description("Private notes")]
    public string? Notes { get; init; }

    [Description("Public visibility (default false)")]
    public bool? IsPublic { get; init; }

    [Description("Allow remixing (default false)")]
    public bool? IsRemixable { get; init; }

    [Description("JSON array of tags, e.g. [\"ai\", \"coding\"]")]
    public StringList? Tags { get; init; }

    [Description("Type: general, system, query, text-to-image, text-to-video, text-to-speech, text-to-code, agent")]
    public string? TypeId { get; init; }

    [Description("Collection to assign to")]
    public string? CollectionId { get; init; }

    [Description("Source prompt ID (creates a remix)")]
    public string? RemixedId { get; init; }

    [Description("JSON array of model IDs")]
    public StringList? Models { get; init; }

    [Description("Rating 1-5 (0 = no rating)")]
    public double? SelfRating { get; init; }

    public void Validate(InputErrors errors) => PromptFields.Validate(this, errors);
}

public static class CreatePromptHandler
{
    public static async Task<PromptView> Handle(CreatePrompt command, IDocumentSession session, TimeProvider clock, Envelope envelope, CancellationToken ct)
    {
        var caller = session.CallerId();
        var grants = envelope.GrantedCollections();
        var now = clock.GetUtcNow();
        var prompt = new Prompt { Id = Guid.CreateVersion7(), OwnerId = caller, CreatedAt = now, UpdatedAt = now };
        if (command.RemixedId is { Length: > 0 } sourceId)
        {
            var source = await session.LoadReadablePromptAsync(sourceId, ct, grants);
            if (source.OwnerId != caller && !source.IsRemixable) throw new NotFoundException(PromptAccess.What);
            prompt.RemixedFromId = source.Id;
            prompt.RemixedFromAuthorId = source.OwnerId;
        }
        var notice = await PromptFields.ApplyAsync(command, prompt, session, envelope.DoorOf(), ct);
        if (grants is not null && !(prompt.CollectionId is { } collection && grants.Contains(collection)))
            throw new UnprocessableException("collection_id: this API key may only create prompts in the collections it is restricted to");
        session.Store(prompt);
        return PromptView.Of(prompt, caller, notice);
    }
}
