using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Playbooks;

[Description("Get a playbook by ID with its parsed structure (steps, inputs, branches).")]
public sealed record GetPlaybook : PrivateInput, ISlice<PlaybookView>
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/playbooks/{id}").AsTool("get_playbook", "Get a playbook")
        .Described("One of your playbooks: metadata, raw content, output variables and the parsed definition (the spec's ParseResult)");

    [Required, Description("The playbook ID to retrieve")]
    public string Id { get; init; } = "";
}

public static class GetPlaybookHandler
{
    public static async Task<PlaybookView> Handle(GetPlaybook query, IDocumentSession session, CancellationToken ct) =>
        PlaybookView.Of(await session.LoadOwnedPlaybookAsync(query.Id, ct), withDefinition: true);
}
