using System.Text;
using System.Text.Json;

namespace Promptmark.Api.Tests.Infrastructure.HostileInput;

/// <summary>One REST request of the battery, aimed at <see cref="Field"/> of <see cref="Operation"/>.</summary>
public sealed record RestProbe(string Operation, HttpMethod Verb, string Url, byte[]? Body, string? ContentType, string Field, string Kind, bool Invalid)
{
    public override string ToString() => $"{Verb} {Url[..Math.Min(Url.Length, 120)]} [{Field}: {Kind}]";
}

/// <summary>Builds the battery for every operation of the OpenAPI document: each path and query parameter, each body property, the body as a whole.</summary>
public static class RestProbes
{
    /// <summary>Sign-in and sign-out speak for the session, not for data; logout would end the owner's session mid-battery.</summary>
    private static readonly HashSet<string> Skipped = ["logout"];

    public static IEnumerable<RestProbe> From(JsonElement document, OwnedObjects owned)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject())
            {
                var id = operation.Value.GetProperty("operationId").GetString()!;
                if (Skipped.Contains(id)) continue;
                foreach (var probe in ForOperation(document, path.Name, new HttpMethod(operation.Name.ToUpperInvariant()), id, operation.Value, owned))
                    yield return probe;
            }
    }

    private static IEnumerable<RestProbe> ForOperation(JsonElement document, string path, HttpMethod verb, string id, JsonElement operation, OwnedObjects owned)
    {
        var parameters = operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
        var routeValues = parameters.Where(p => p.GetProperty("in").GetString() == "path")
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => owned.IdFor(path, p.GetProperty("name").GetString()!) ?? "x");
        var body = BodySchema(document, operation);
        var baseline = body is { } schema ? Baseline(schema) : null;
        var isUpdate = verb == HttpMethod.Put || verb == HttpMethod.Patch;
        var bodyRequired = body is { } b && (isUpdate || b.TryGetProperty("required", out _));
        string Url(IReadOnlyDictionary<string, string> route, string query = "") =>
            route.Aggregate(path, (url, value) => url.Replace("{" + value.Key + "}", Uri.EscapeDataString(value.Value))) + query;
        RestProbe Probe(string url, byte[]? json, string field, string kind, bool invalid, string? contentType = "application/json") =>
            new(id, verb, url, json, json is null ? null : contentType, field, kind, invalid);
        var baselineBytes = baseline is null ? null : Encoding.UTF8.GetBytes(baseline.ToJsonString());

        foreach (var parameter in parameters)
        {
            var name = parameter.GetProperty("name").GetString()!;
            var inPath = parameter.GetProperty("in").GetString() == "path";
            foreach (var (kind, value, invalid) in HostileValues.ForQueryOrRoute(parameter.GetProperty("schema"), inPath))
            {
                var url = inPath
                    ? Url(new Dictionary<string, string>(routeValues) { [name] = value })
                    : Url(routeValues, $"?{name}={Uri.EscapeDataString(value)}");
                yield return Probe(url, baselineBytes, name, kind, invalid);
            }
        }

        if (body is not { } bodySchema) yield break;
        var required = bodySchema.TryGetProperty("required", out var names) ? names.EnumerateArray().Select(n => n.GetString()!).ToHashSet() : [];
        foreach (var property in bodySchema.GetProperty("properties").EnumerateObject())
            foreach (var value in HostileValues.ForBodyField(property.Value, required.Contains(property.Name)))
                yield return Probe(Url(routeValues), WithField(baseline!, property.Name, value.Json), property.Name, value.Kind, value.Invalid);

        var url0 = Url(routeValues);
        yield return Probe(url0, null, "body", "missing-body", bodyRequired);
        yield return Probe(url0, "{}"u8.ToArray(), "body", "empty-object", bodyRequired);
        yield return Probe(url0, "{\"title\":"u8.ToArray(), "body", "malformed-json", true);
        yield return Probe(url0, "[]"u8.ToArray(), "body", "array", true);
        yield return Probe(url0, "null"u8.ToArray(), "body", "null", true);
        yield return Probe(url0, Encoding.UTF8.GetBytes(new string('[', 2000) + new string(']', 2000)), "body", "deep-nesting", true);
        yield return Probe(url0, [0xFF, 0xFE, 0x00], "body", "invalid-utf8", true);
        yield return Probe(url0, baselineBytes, "body", "unknown-field", false) with { Body = WithField(baseline!, "zz_unknown_field", "1"u8.ToArray()) };
        yield return Probe(url0, baselineBytes, "body", "wrong-content-type", false, "text/plain");
    }

    private static JsonElement? BodySchema(JsonElement document, JsonElement operation)
    {
        if (!operation.TryGetProperty("requestBody", out var body)) return null;
        var schema = body.GetProperty("content").GetProperty("application/json").GetProperty("schema");
        if (schema.TryGetProperty("$ref", out var reference))
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        return schema.TryGetProperty("properties", out _) ? schema : null;
    }

    /// <summary>A body with a plain value for each required property, so a probe's own field is what is wrong.</summary>
    private static System.Text.Json.Nodes.JsonObject Baseline(JsonElement schema)
    {
        var body = new System.Text.Json.Nodes.JsonObject();
        if (!schema.TryGetProperty("required", out var required)) return body;
        foreach (var name in required.EnumerateArray().Select(n => n.GetString()!))
        {
            var types = HostileValues.TypesOf(schema.GetProperty("properties").GetProperty(name));
            body[name] = types.Contains("boolean") ? true : types.Contains("array") ? new System.Text.Json.Nodes.JsonArray() : types.Count == 0 ? new System.Text.Json.Nodes.JsonObject() : "x";
        }
        return body;
    }

    /// <summary>The baseline with <paramref name="field"/> set to raw JSON bytes (which may not be valid UTF-8).</summary>
    private static byte[] WithField(System.Text.Json.Nodes.JsonObject baseline, string field, byte[] json)
    {
        var others = baseline.Where(p => p.Key != field).Select(p => JsonSerializer.Serialize(p.Key) + ":" + p.Value!.ToJsonString());
        var prefix = Encoding.UTF8.GetBytes("{" + string.Concat(others.Select(o => o + ",")) + JsonSerializer.Serialize(field) + ":");
        return [.. prefix, .. json, (byte)'}'];
    }
}
