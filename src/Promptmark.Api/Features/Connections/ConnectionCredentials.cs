using System.Text.Json;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Connections;

/// <summary>
/// The plaintext credentials of each auth type: what is accepted and which headers they become. Problems are
/// reported without ever repeating the value.
/// </summary>
public static class ConnectionCredentials
{
    public const string Field = "auth_credentials";
    public const int MaxLength = 16 * 1024;
    public const int MaxCustomHeaders = 32;

    /// <summary>Headers the HTTP stack or the MCP transport owns; setting them would break or smuggle requests.</summary>
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization", "Proxy-Connection", "TE",
        "Trailer", "Transfer-Encoding", "Upgrade", "Content-Length", "Mcp-Session-Id", "Mcp-Protocol-Version",
    };

    public static void Validate(string authType, string? credentials, InputErrors errors)
    {
        if (authType == ConnectionAuthTypes.None)
        {
            errors.When(!string.IsNullOrEmpty(credentials), Field, "must be empty when auth_type is none");
            return;
        }
        if (string.IsNullOrWhiteSpace(credentials))
        {
            errors.Add(Field, $"is required when auth_type is {authType}");
            return;
        }
        if (credentials.Length > MaxLength)
        {
            errors.Add(Field, $"must be at most {MaxLength} characters");
            return;
        }
        foreach (var problem in Problems(authType, credentials)) errors.Add(Field, problem);
    }

    /// <summary>What is sealed for storage: nothing for <c>none</c>, otherwise the validated credentials, trimmed.</summary>
    public static string? ToStore(string authType, string? credentials) =>
        authType == ConnectionAuthTypes.None ? null : credentials!.Trim();

    /// <summary>The headers sent with every request to the server; <paramref name="credentials"/> has passed <see cref="Validate"/>.</summary>
    public static IReadOnlyDictionary<string, string> Headers(string authType, string? credentials) => authType switch
    {
        ConnectionAuthTypes.Bearer => new Dictionary<string, string> { ["Authorization"] = $"Bearer {credentials!.Trim()}" },
        ConnectionAuthTypes.ApiKey => new Dictionary<string, string> { ["X-API-Key"] = credentials!.Trim() },
        ConnectionAuthTypes.OAuth => new Dictionary<string, string> { ["Authorization"] = $"Bearer {AccessToken(credentials!)}" },
        ConnectionAuthTypes.CustomHeaders => CustomHeaders(credentials!),
        _ => new Dictionary<string, string>(),
    };

    private static IEnumerable<string> Problems(string authType, string credentials)
    {
        switch (authType)
        {
            case ConnectionAuthTypes.Bearer or ConnectionAuthTypes.ApiKey:
                if (!IsHeaderValue(credentials.Trim())) yield return "must be a single line of visible characters";
                break;
            case ConnectionAuthTypes.OAuth:
                var token = TryAccessToken(credentials);
                if (token is null) yield return "must be a JSON object with a string access_token, e.g. {\"access_token\": \"…\"}";
                else if (!IsHeaderValue(token)) yield return "access_token must be a single line of visible characters";
                break;
            case ConnectionAuthTypes.CustomHeaders:
                foreach (var problem in CustomHeaderProblems(credentials)) yield return problem;
                break;
        }
    }

    private static IEnumerable<string> CustomHeaderProblems(string credentials)
    {
        var headers = TryParseObject(credentials);
        if (headers is null)
        {
            yield return "must be a JSON object of header names to string values, e.g. {\"X-Token\": \"…\"}";
            yield break;
        }
        if (headers.Count == 0) yield return "must name at least one header";
        if (headers.Count > MaxCustomHeaders) yield return $"must name at most {MaxCustomHeaders} headers";
        foreach (var (name, value) in headers)
        {
            if (!IsToken(name)) yield return $"\"{Printable(name)}\" is not a valid header name";
            else if (ReservedHeaders.Contains(name)) yield return $"header \"{name}\" cannot be set (it belongs to the HTTP connection)";
            if (value is null) yield return $"the value of \"{Printable(name)}\" must be a string";
            else if (!IsHeaderValue(value)) yield return $"the value of \"{Printable(name)}\" must be a single line of visible characters";
        }
    }

    private static Dictionary<string, string> CustomHeaders(string credentials) =>
        TryParseObject(credentials)!.ToDictionary(h => h.Key, h => h.Value!, StringComparer.OrdinalIgnoreCase);

    private static string AccessToken(string credentials) => TryAccessToken(credentials)!;

    private static string? TryAccessToken(string credentials)
    {
        try
        {
            using var json = JsonDocument.Parse(credentials);
            return json.RootElement.ValueKind == JsonValueKind.Object
                   && json.RootElement.TryGetProperty("access_token", out var token)
                   && token.ValueKind == JsonValueKind.String && token.GetString()!.Trim() is { Length: > 0 } value
                ? value
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Header name to value (null when the JSON value is not a string); null when not a JSON object.</summary>
    private static List<KeyValuePair<string, string?>>? TryParseObject(string credentials)
    {
        try
        {
            using var json = JsonDocument.Parse(credentials);
            if (json.RootElement.ValueKind != JsonValueKind.Object) return null;
            return json.RootElement.EnumerateObject()
                .Select(p => KeyValuePair.Create(p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null))
                .ToList();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsToken(string name) =>
        name.Length is > 0 and <= 100 && name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c));

    private static bool IsHeaderValue(string value) => value.Length > 0 && value.All(c => c == ' ' || c == '\t' || (c > ' ' && c < 0x7f));

    private static string Printable(string name) => name.Length > 40 || !name.All(c => c >= ' ' && c < 0x7f) ? "a header name" : name;
}
