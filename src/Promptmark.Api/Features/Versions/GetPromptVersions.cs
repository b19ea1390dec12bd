using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Versions;

[Description("Get version history for a prompt. Earlier versions, newest first; the current state is current_version and is not listed.")]
public sealed record GetPromptVersions : PrivateInput, ISlice<PromptHistory>
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/prompts/{prompt_id}/versions").AsTool("get_prompt_versions", "List a prompt's versions")
        .Described("A prompt's earlier versions, newest first, each with its note; the current state is current_version (with current_note) " +
                   "and is not in the list; labels name the version each label points at");

    [Required, Description("Prompt ID")]
    public string PromptId { get; init; } = "";
}

public static class GetPromptVersionsHandler
{
    public static async Task<PromptHistory> Handle(GetPromptVersions query, IDocumentSession session, CancellationToken ct)
    {
        var prompt = await session.LoadOwnedPromptAsync(query.PromptId, ct);
        var versions = await session.Query<PromptVersion>().Where(v => v.PromptId == prompt.Id).OrderByDescending(v => v.Number).ToListAsync(ct);
        return PromptHistory.Of(prompt, versions);
    }
}
