using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Marten;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Responses;

[Description("Capture an AI response for a prompt. Content up to 1 MB; metadata must be a JSON object.")]
public sealed record CaptureResponse : PrivateInput, ISlice<CapturedResponseView>, IValidated
{
    public const int MaxContent = 1_000_000;

    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/prompts/{prompt_id}/responses").AsTool("capture_response", "Capture a response").Created()
        .Described("Keep a model's response to one of your prompts (content up to 1 MB; metadata must be a JSON object)");

    [Required, Description("Prompt ID")]
    public string PromptId { get; init; } = "";

    [Required, Description("Model name/ID (e.g., openai/gpt-4o, anthropic/claude-sonnet-4)")]
    public string ModelId { get; init; } = "";

    [Required, Description("Response content")]
    public string Content { get; init; } = "";

    [Description("Optional metadata (tokens, latency, temperature)")]
    public JsonElement Metadata { get; init; }

    public void Validate(InputErrors errors)
    {
        errors.When(ModelId.Trim().Length > 200, "model_id", "must be at most 200 characters");
        errors.When(Content.Length > MaxContent, "content", $"must be at most {MaxContent:N0} characters");
        errors.When(Metadata.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object),
            "metadata", "must be a JSON object, e.g. {\"tokens\": 512, \"latency_ms\": 900}");
    }
}

public static class CaptureResponseHandler
{
    public static async Task<CapturedResponseView> Handle(CaptureResponse command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var prompt = await session.LoadOwnedPromptAsync(command.PromptId, ct);
        var response = new CapturedResponse
        {
            Id = Guid.CreateVersion7(), PromptId = prompt.Id, ModelId = command.ModelId.Trim(), Content = command.Content,
            Metadata = command.Metadata.ValueKind == JsonValueKind.Object ? command.Metadata.Clone() : null, CreatedAt = clock.GetUtcNow(),
        };
        session.Store(response);
        return CapturedResponseView.Of(response);
    }
}
