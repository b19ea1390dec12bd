using System.Collections;
using System.Reflection;
using System.Text.Json;
using FastEndpoints;
using Microsoft.Extensions.Logging;
using Promptmark.Api.Infrastructure.Json;
using Promptmark.Api.Infrastructure.Slices;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Infrastructure;

/// <summary>
/// Every request either door accepts (each slice in the catalog, and the hand-written endpoints) is filled with a
/// canary in every property that can hold text; neither its ToString nor a log line that names it may show one.
/// Wolverine logs a failed message that way, so this is what keeps passwords, credentials and user content out of logs.
/// </summary>
public sealed class RequestPrintingTests
{
    private const string Canary = "CANARY-7f3c";

    private static readonly Dictionary<string, Type> Requests = SliceDoors.RestEndpointTypes(SliceCatalog.Instance).Select(RequestOf)
        .Where(t => t.Assembly == typeof(SliceCatalog).Assembly).Distinct().ToDictionary(t => t.FullName!);

    public static TheoryData<string> RequestTypes => new(Requests.Keys.Order());

    [Theory, MemberData(nameof(RequestTypes))]
    public void a_request_prints_none_of_its_values(string typeName)
    {
        var type = Requests[typeName];
        var (request, planted) = Planted(type);
        if (planted > 0) JsonSerializer.Serialize(request, type, Wire.Options).ShouldContain(Canary, customMessage: "the canary was planted");

        request.ToString()!.ShouldNotContain(Canary);
        request.ToString()!.ShouldContain(type.Name);
        LoggedFailure(request).ShouldNotContain(Canary);
    }

    /// <summary>What a logger prints for a message given as a structured argument, the way Wolverine logs a failed invocation.</summary>
    private static string LoggedFailure(object request)
    {
        var logs = new CapturedLogs();
        using (var factory = LoggerFactory.Create(logging => logging.AddProvider(logs)))
            factory.CreateLogger(request.GetType()).LogError(new InvalidOperationException("failed"), "Invocation of {Message} failed!", request);
        return string.Join("\n", logs.Lines);
    }

    private static Type RequestOf(Type endpoint)
    {
        for (var type = endpoint; type is not null; type = type.BaseType)
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Endpoint<,>)) return type.GetGenericArguments()[0];
        throw new InvalidOperationException($"{endpoint.Name} is not an Endpoint<TRequest, TResponse>");
    }

    /// <summary>A new <paramref name="type"/> with the canary in every settable property that can hold text, and how many those were.</summary>
    private static (object Value, int Planted) Planted(Type type)
    {
        var value = Activator.CreateInstance(type)!;
        var planted = 0;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            if (Carrying(property.PropertyType) is not { } text) continue;
            property.SetValue(value, text);
            planted++;
        }
        return (value, planted);
    }

    private static object? Carrying(Type declared)
    {
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        if (type == typeof(string)) return Canary;
        if (type == typeof(JsonElement)) return JsonSerializer.SerializeToElement(new Dictionary<string, string> { [Canary] = Canary });
        if (type == typeof(StringList)) return new StringList([Canary]);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) && Carrying(type.GetGenericArguments()[0]) is { } item)
        {
            var list = (IList)Activator.CreateInstance(type)!;
            list.Add(item);
            return list;
        }
        if (type.IsClass && type.GetConstructor(Type.EmptyTypes) is not null) return Planted(type).Value;
        return null;
    }
}
