using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Slices;
using Wolverine;

namespace Promptmark.Api.Features.Prompts;

[Description("Get a specific prompt by ID. Another user's prompt is readable only when it is public (without its notes).")]
public sealed record GetPrompt : PrivateInput, ISlice<PromptView>
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/prompts/{id}").AsTool("get_prompt", "Get a prompt").HonoursCollectionGrants()
        .Described("Get one of your prompts, or another user's public prompt, by ID");

    [Required, Description("The prompt ID")]
    public string Id { get; init; } = "";
}

public static class GetPromptHandler
{
    public static async Task<PromptView> Handle(GetPrompt query, IDocumentSession session, Envelope envelope, CancellationToken ct) =>
        PromptView.Of(await session.LoadReadablePromptAsync(query.Id, ct, envelope.GrantedCollections()), session.CallerId());
}
