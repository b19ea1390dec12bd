using System.Text.Json;
using Promptmark.Api.Features.Connections.Executions;
using Promptmark.Api.Features.Connections.Remote;

namespace Promptmark.ConformanceClient;

/// <summary>
/// The person in front of Try-it's question card who submits it as it is shown: each field pre-filled with its schema's
/// default (SEP-1034), the others left empty. The answer goes where the card's Submit sends it (<see cref="ToolQuestions.Answer"/>,
/// behind <c>POST /api/mcp/connections/{id}/elicitations/{elicitation_id}</c>).
/// </summary>
public sealed class PrefilledCard(ToolQuestions questions, string tenantId, Guid connectionId, CancellationToken ct)
{
    public void Submit(ToolQuestion question) =>
        questions.Answer(tenantId, connectionId, question.ElicitationId.ToString(), ElicitationReplies.Accept, Defaults(question.RequestedSchema), ct);

    private static JsonElement Defaults(JsonElement schema) =>
        JsonSerializer.SerializeToElement(
            schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
                ? properties.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("default", out _))
                    .ToDictionary(p => p.Name, p => p.Value.GetProperty("default"))
                : []);
}
