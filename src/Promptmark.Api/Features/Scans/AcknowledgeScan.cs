using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Scans;

[Description("Acknowledge a safety scan issue. Transitions the flag from HAS (1) to HAD (2), allowing the prompt to be published. Fails when the category has no open findings.")]
public sealed record AcknowledgeScan : PrivateInput, ISlice<PromptView>, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/prompts/{prompt_id}/scan/acknowledge")
        .AsTool("acknowledge_scan", "Acknowledge scan findings", ToolHints.AddsIfMissing).MayAnswer(409)
        .Described("Acknowledge a category of scan findings (HAS → HAD); a prompt with no open category may be published. 409 when the category has nothing open");

    [Required, Description("Prompt ID")]
    public string PromptId { get; init; } = "";

    [Required, Description("Scan category: pii, injection, secrets, or danger")]
    public string Category { get; init; } = "";

    public void Validate(InputErrors errors) =>
        errors.When(Category.Length > 0 && !ScanCategories.IsKnown(Category), "category", $"must be one of: {string.Join(", ", ScanCategories.All)}");
}

public static class AcknowledgeScanHandler
{
    public static async Task<PromptView> Handle(AcknowledgeScan command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var prompt = await session.LoadOwnedPromptAsync(command.PromptId, ct);
        if (prompt.Scan.Flags.GetValueOrDefault(command.Category) != PromptScan.Has)
            throw new ConflictException($"this prompt has no open {command.Category} findings to acknowledge");
        prompt.Scan.Acknowledge(command.Category);
        prompt.UpdatedAt = clock.GetUtcNow();
        session.Store(prompt);
        return PromptView.Of(prompt, session.CallerId());
    }
}
