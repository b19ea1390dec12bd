using System.Text.Json;

namespace Promptmark.Api.Features.Connections.Remote;

/// <summary>
/// A tool result that asks for authorization under Civic's <c>civic:rest-auth</c> extension instead of answering: where to
/// poll for the user's approval, and the job <c>continue_job</c> resumes once it is given. The hub sends both as embedded
/// text resources named by their <c>_meta.name</c>, or as a text block holding a JSON object with both fields.
/// </summary>
public sealed record RestAuthRequest(string PollingEndpoint, string ContinueJobId)
{
    /// <summary>The experimental client capability that tells the hub this client runs the flow itself.</summary>
    public const string Capability = "civic:rest-auth";

    public const string ContinueTool = "continue_job";

    private const string PollingName = "auth_polling_endpoint", JobName = "continue_job_id";

    /// <summary>The request carried by <paramref name="result"/> (a <c>CallToolResult</c> as JSON), or null when it is an ordinary result.</summary>
    public static RestAuthRequest? In(JsonElement result)
    {
        if (!result.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Array) return null;
        string? polling = null, job = null;
        foreach (var block in content.EnumerateArray())
        {
            if (block.ValueKind != JsonValueKind.Object) continue;
            if (Text(block, "type") == "resource" && block.TryGetProperty("resource", out var resource) && resource.ValueKind == JsonValueKind.Object
                && resource.TryGetProperty("_meta", out var meta) && meta.ValueKind == JsonValueKind.Object && Text(resource, "text") is { } value)
            {
                if (Text(meta, "name") == PollingName) polling = value;
                else if (Text(meta, "name") == JobName) job = value;
            }
            else if (Text(block, "type") == "text" && Fields(Text(block, "text")) is { } fields)
                (polling, job) = fields;
        }
        return polling is { Length: > 0 } && job is { Length: > 0 } ? new RestAuthRequest(polling, job) : null;
    }

    /// <summary>The arguments <c>continue_job</c> takes to resume <see cref="ContinueJobId"/>.</summary>
    public IReadOnlyDictionary<string, JsonElement> ContinueArguments() =>
        new Dictionary<string, JsonElement> { ["params"] = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["jobId"] = ContinueJobId }) };

    private static (string, string)? Fields(string? text)
    {
        if (text is null || !text.TrimStart().StartsWith('{')) return null;
        try
        {
            using var json = JsonDocument.Parse(text);
            return Text(json.RootElement, PollingName) is { } polling && Text(json.RootElement, JobName) is { } job ? (polling, job) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
