using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Promptmark.Api.Engines.Playbooks;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Playbooks;

[Description("Validate playbook markdown content without saving. Returns the parsed structure with any warnings or errors.")]
public sealed record ValidatePlaybook : PrivateInput, ISlice<PlaybookParseResult>
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/playbooks/validate")
        .AsTool("validate_playbook", "Validate a playbook", ToolHints.Reads)
        .Described("Parse PLAYBOOK.md content as the spec's ParseResult: valid, definition (null on a fatal error), " +
                   "warnings and errors, each with its line and column; nothing is saved");

    [Required, Description("The playbook markdown content to validate")]
    public string Content { get; init; } = "";
}

public static class ValidatePlaybookHandler
{
    public static PlaybookParseResult Handle(ValidatePlaybook query) => PlaybookParser.Parse(query.Content);
}
