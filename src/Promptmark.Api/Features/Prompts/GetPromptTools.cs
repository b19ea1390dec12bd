using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Prompts;

[Description("Get the attached MCP and native tools for a prompt.")]
public sealed record GetPromptTools : PrivateInput, ISlice<PromptTools>
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/prompts/{prompt_id}/tools").AsTool("get_prompt_tools", "Get a prompt's tools");

    [Required, Description("The prompt ID")]
    public string PromptId { get; init; } = "";
}

public static class GetPromptToolsHandler
{
    public static async Task<PromptTools> Handle(GetPromptTools query, IDocumentSession session, CancellationToken ct) =>
        PromptTools.Of(await session.LoadOwnedPromptAsync(query.PromptId, ct));
}
