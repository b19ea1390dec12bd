using System.Text.Json;

namespace Promptmark.Api.Tests.Prompts.Templates;

internal static class TestInputs
{
    /// <summary>Turns a JSON object into the inputs dictionary the template engine takes.</summary>
    public static Dictionary<string, JsonElement> Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
    }
}
