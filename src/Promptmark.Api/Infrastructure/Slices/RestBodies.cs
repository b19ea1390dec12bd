using System.Text.Json;
using System.Text.Json.Serialization;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Json;

namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>
/// How every REST endpoint reads its JSON body (FastEndpoints' request deserializer): like the MCP door's arguments,
/// with the same wire rules, and an update (PUT, PATCH) must say what it changes: a missing body, or one that names
/// none of the fields, is a 400 rather than an update that silently clears or keeps everything.
/// </summary>
public static class RestBodies
{
    public static async ValueTask<object?> ReadAsync(HttpRequest http, Type type, JsonSerializerContext? context, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await http.Body.CopyToAsync(buffer, ct);
        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var request = WireRequest.Read(body.Span, type, "body");
        var errors = new InputErrors();
        WireValues.Check(request, errors);
        errors.ThrowIfAny();
        if (IsUpdate(http) && !NamesAnyField(body, type, http)) throw NothingToUpdate(type, http);
        return request;
    }

    /// <summary>An update that came without a JSON body at all (FastEndpoints binds no body then).</summary>
    public static void RequireForUpdate(HttpContext http, Type type)
    {
        if (IsUpdate(http.Request) && !http.Request.HasJsonContentType() && BodyFields(type, http.Request).Count > 0)
            throw NothingToUpdate(type, http.Request);
    }

    private static bool IsUpdate(HttpRequest http) => HttpMethods.IsPut(http.Method) || HttpMethods.IsPatch(http.Method);

    private static bool NamesAnyField(ReadOnlyMemory<byte> body, Type type, HttpRequest http)
    {
        using var json = JsonDocument.Parse(body);
        var fields = BodyFields(type, http);
        return fields.Count == 0 || json.RootElement.EnumerateObject().Any(p => fields.Contains(p.Name, StringComparer.OrdinalIgnoreCase));
    }

    private static List<string> BodyFields(Type type, HttpRequest http) =>
        ToolSchema.WireProperties(type).Select(Wire.NameOf).Where(name => !http.RouteValues.ContainsKey(name)).ToList();

    private static InvalidInputException NothingToUpdate(Type type, HttpRequest http) =>
        new("body", $"must be a JSON object setting at least one of: {string.Join(", ", BodyFields(type, http))}");
}
