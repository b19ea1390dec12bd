using System.Text.Json;
using System.Text.Json.Serialization;

namespace Promptmark.Api.Infrastructure.Json;

/// <summary>The one JSON shape of Promptmark on the wire: snake_case names, for REST bodies, query names and MCP arguments alike.</summary>
public static class Wire
{
    public static readonly JsonNamingPolicy Naming = JsonNamingPolicy.SnakeCaseLower;

    /// <summary>How deep JSON may nest (the serializer's default, stated so refusals can say it).</summary>
    public const int MaxDepth = 64;

    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = Naming;
        options.DictionaryKeyPolicy = null;
        options.PropertyNameCaseInsensitive = true;
        options.MaxDepth = MaxDepth;
        options.NumberHandling = JsonNumberHandling.AllowReadingFromString;
        if (!options.Converters.OfType<JsonStringEnumConverter>().Any())
            options.Converters.Add(new JsonStringEnumConverter(Naming));
        return options;
    }

    public static string NameOf(System.Reflection.PropertyInfo property) =>
        property.GetCustomAttributes(typeof(JsonPropertyNameAttribute), true) is [JsonPropertyNameAttribute named, ..]
            ? named.Name
            : Naming.ConvertName(property.Name);
}
