using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Slices;
using Promptmark.Api.Infrastructure.Storage;

namespace Promptmark.Api.Features.Versions;

[Description("Get a specific version snapshot.")]
public sealed record GetPromptVersion : PrivateInput, ISlice<PromptVersionView>
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/versions/{version_id}").AsTool("get_prompt_version", "Get a prompt version");

    [Required, Description("Version ID")]
    public string VersionId { get; init; } = "";
}

public static class GetPromptVersionHandler
{
    public static async Task<PromptVersionView> Handle(GetPromptVersion query, IDocumentSession session, CancellationToken ct) =>
        PromptVersionView.Of(await session.LoadOwnedAsync<PromptVersion>(query.VersionId, "version", ct));
}
