using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace Promptmark.Api.Infrastructure.Mcp;

/// <summary>
/// A <c>POST /mcp</c> body that is exactly one plain <c>tools/call</c> request: <c>jsonrpc</c> "2.0", an integer or string
/// <c>id</c>, and params of a tool <c>name</c> and optional <c>arguments</c> object, nothing else (no <c>_meta</c>, so no
/// progress token and no per-request metadata). Anything else is not read here: the MCP server answers it.
/// </summary>
public sealed record ToolCallMessage(JsonElement Id, RequestId RequestId, CallToolRequestParams Params)
{
    /// <summary>The call <paramref name="body"/> holds, or null. Its elements live as long as <paramref name="body"/>.</summary>
    public static ToolCallMessage? Read(JsonDocument body)
    {
        var root = body.RootElement;
        if (root.ValueKind != JsonValueKind.Object) return null;
        JsonElement? id = null, parameters = null;
        RequestId? requestId = null;
        bool version = false, method = false;
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "jsonrpc" when !version && property.Value.ValueEquals("2.0"): version = true; break;
                case "method" when !method && property.Value.ValueEquals("tools/call"): method = true; break;
                case "id" when id is null && RequestIdOf(property.Value) is { } read:
                    id = property.Value;
                    requestId = read;
                    break;
                case "params" when parameters is null && property.Value.ValueKind == JsonValueKind.Object: parameters = property.Value; break;
                default: return null;
            }
        }
        if (!version || !method || id is not { } idElement || parameters is not { } call || ParamsOf(call) is not { } called) return null;
        return new ToolCallMessage(idElement, requestId!.Value, called);
    }

    private static RequestId? RequestIdOf(JsonElement id) => id.ValueKind switch
    {
        JsonValueKind.String => new RequestId(id.GetString()!),
        JsonValueKind.Number when id.TryGetInt64(out var number) => new RequestId(number),
        _ => null,
    };

    private static CallToolRequestParams? ParamsOf(JsonElement call)
    {
        string? name = null;
        Dictionary<string, JsonElement>? arguments = null;
        foreach (var property in call.EnumerateObject())
        {
            switch (property.Name)
            {
                case "name" when name is null && property.Value.ValueKind == JsonValueKind.String: name = property.Value.GetString(); break;
                case "arguments" when arguments is null && property.Value.ValueKind == JsonValueKind.Object: arguments = ArgumentsOf(property.Value); break;
                default: return null;
            }
        }
        return name is null ? null : new CallToolRequestParams { Name = name, Arguments = arguments };
    }

    private static Dictionary<string, JsonElement> ArgumentsOf(JsonElement arguments)
    {
        var read = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var argument in arguments.EnumerateObject()) read[argument.Name] = argument.Value;
        return read;
    }
}
