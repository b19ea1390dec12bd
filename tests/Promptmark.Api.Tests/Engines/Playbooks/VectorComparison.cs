using System.Text.Json;
using System.Text.Json.Nodes;

namespace Promptmark.Api.Tests.Engines.Playbooks;

/// <summary>
/// The comparison rules of the spec's tests/README.md: field by field; absent, null, "", 0, false and [] are the same
/// (the Go struct's omitempty); a line is compared only when both sides give one; content compared with \n line ends;
/// warnings as a set by message; every expected error present (more are allowed).
/// </summary>
public static class VectorComparison
{
    public static List<string> Differences(JsonNode? expected, JsonNode? actual)
    {
        var differences = new List<string>();
        Compare("$", expected, actual, differences);
        return differences;
    }

    private static void Compare(string path, JsonNode? expected, JsonNode? actual, List<string> differences)
    {
        if (IsEmpty(expected) && IsEmpty(actual)) return;
        switch (expected)
        {
            case JsonObject expectedObject when actual is JsonObject actualObject:
                foreach (var key in expectedObject.Select(p => p.Key).Union(actualObject.Select(p => p.Key)))
                    CompareField($"{path}.{key}", key, expectedObject[key], actualObject[key], differences);
                break;
            case JsonArray expectedArray when actual is JsonArray actualArray:
                if (expectedArray.Count != actualArray.Count)
                    differences.Add($"{path}: {actualArray.Count} items, expected {expectedArray.Count}: {actual.ToJsonString()}");
                else
                    for (var i = 0; i < expectedArray.Count; i++) Compare($"{path}[{i}]", expectedArray[i], actualArray[i], differences);
                break;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                    differences.Add($"{path}: {actual?.ToJsonString() ?? "absent"}, expected {expected?.ToJsonString() ?? "absent"}");
                break;
        }
    }

    private static void CompareField(string path, string key, JsonNode? expected, JsonNode? actual, List<string> differences)
    {
        switch (key)
        {
            case "line" when IsEmpty(expected) || IsEmpty(actual):
                return;
            case "content" when expected is JsonValue && actual is JsonValue:
                Compare(path, Normalized(expected), Normalized(actual), differences);
                return;
            case "warnings":
                CompareDiagnostics(path, expected, actual, exact: true, differences);
                return;
            case "errors":
                CompareDiagnostics(path, expected, actual, exact: false, differences);
                return;
            default:
                Compare(path, expected, actual, differences);
                return;
        }
    }

    private static void CompareDiagnostics(string path, JsonNode? expected, JsonNode? actual, bool exact, List<string> differences)
    {
        var wanted = Diagnostics(expected);
        var got = Diagnostics(actual);
        foreach (var (line, message) in wanted.Where(w => !got.Any(g => Matches(w, g))))
            differences.Add($"{path}: missing (line {line}) \"{message}\"; got {actual?.ToJsonString()}");
        if (exact)
            foreach (var (line, message) in got.Where(g => !wanted.Any(w => Matches(w, g))))
                differences.Add($"{path}: unexpected (line {line}) \"{message}\"");
    }

    private static bool Matches((int Line, string Message) expected, (int Line, string Message) actual) =>
        expected.Message == actual.Message && (expected.Line == 0 || actual.Line == 0 || expected.Line == actual.Line);

    private static List<(int Line, string Message)> Diagnostics(JsonNode? list) =>
        list is JsonArray array
            ? array.Select(d => (d?["line"]?.GetValue<int>() ?? 0, d?["message"]?.GetValue<string>() ?? "")).ToList()
            : [];

    private static JsonNode Normalized(JsonNode text) => JsonValue.Create(text.GetValue<string>().Replace("\r\n", "\n"));

    private static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonObject => false,
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>().Length == 0,
            JsonValueKind.Number => value.GetValue<double>() == 0,
            JsonValueKind.False or JsonValueKind.Null => true,
            _ => false,
        },
        _ => false,
    };
}
