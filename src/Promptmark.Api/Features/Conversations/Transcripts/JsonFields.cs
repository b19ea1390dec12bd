using System.Text.Json;

namespace Promptmark.Api.Features.Conversations.Transcripts;

internal static class JsonFields
{
    /// <summary>The member's string value; null when the element is no object, or the member is missing or not a string.</summary>
    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
