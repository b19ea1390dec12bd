using FastEndpoints;
using ModelContextProtocol.Server;

namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>Opens both doors of every slice in the catalog.</summary>
public static class SliceDoors
{
    /// <summary>A closed <see cref="RestSliceEndpoint{TRequest,TResponse}"/> per slice, plus the plain endpoints written by hand (sign-in, sign-out).</summary>
    public static List<Type> RestEndpointTypes(SliceCatalog catalog) =>
        catalog.Slices.Select(s => typeof(RestSliceEndpoint<,>).MakeGenericType(s.Request, s.Response))
            .Concat(typeof(SliceDoors).Assembly.GetTypes().Where(t =>
                typeof(IEndpoint).IsAssignableFrom(t) && t is { IsAbstract: false, IsGenericTypeDefinition: false }))
            .ToList();

    public static IEnumerable<McpServerTool> McpTools(SliceCatalog catalog) =>
        catalog.Tools.Select(s => (McpServerTool)Activator.CreateInstance(typeof(McpSliceTool<,>).MakeGenericType(s.Request, s.Response))!);
}
