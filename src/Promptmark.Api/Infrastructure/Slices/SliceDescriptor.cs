using System.ComponentModel;
using System.Reflection;

namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>Everything the adapters need to know about one slice, read once from its request type.</summary>
public sealed record SliceDescriptor(Type Request, Type Response, SliceBinding Binding)
{
    /// <summary>The feature area (the folder under Features/), used as OpenAPI tag.</summary>
    public string Area => Request.Namespace!.Split('.')[^1];

    /// <summary>The contract text from the request's [Description]: the MCP tool description.</summary>
    public string Description => Request.GetCustomAttribute<DescriptionAttribute>()?.Description
        ?? throw new InvalidOperationException($"{Request.Name} needs a [Description]: it is the contract a model reads.");

    public string Summary => Binding.Summary ?? Description;

    /// <summary>Unique operation name for OpenAPI and the generated web client.</summary>
    public string OperationId => Binding.Tool ?? Wire(Request.Name);

    private static string Wire(string name) => Json.Wire.Naming.ConvertName(name);

    public static SliceDescriptor? TryRead(Type type)
    {
        if (type.IsAbstract || type.IsGenericTypeDefinition) return null;
        var contract = type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ISlice<>));
        if (contract is null) return null;
        var binding = (SliceBinding)type.GetProperty(nameof(ISlice<object>.Binding), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        return new SliceDescriptor(type, contract.GetGenericArguments()[0], binding);
    }
}
