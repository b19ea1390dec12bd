using System.Reflection;

namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>
/// Every slice of the application, found once by reflection. Start-up fails on a duplicate tool name or
/// route, because the MCP SDK would otherwise silently keep only the first tool of a name.
/// </summary>
public sealed class SliceCatalog
{
    public static SliceCatalog Instance { get; } = new(typeof(SliceCatalog).Assembly);

    private readonly Dictionary<Type, SliceDescriptor> _byRequest;

    public SliceCatalog(Assembly assembly)
    {
        Slices = assembly.GetTypes().Select(SliceDescriptor.TryRead).OfType<SliceDescriptor>().OrderBy(s => s.Request.FullName).ToList();
        ThrowOnDuplicates(Slices.Where(s => s.Binding.Tool is not null).Select(s => (s.Binding.Tool!, s)), "MCP tool name");
        ThrowOnDuplicates(Slices.Select(s => ($"{s.Binding.Verb} {s.Binding.Route}", s)), "REST route");
        _byRequest = Slices.ToDictionary(s => s.Request);
    }

    public IReadOnlyList<SliceDescriptor> Slices { get; }

    public IEnumerable<SliceDescriptor> Tools => Slices.Where(s => s.Binding.Tool is not null);

    public SliceDescriptor For(Type request) => _byRequest[request];

    private static void ThrowOnDuplicates(IEnumerable<(string Key, SliceDescriptor Slice)> keys, string what)
    {
        var duplicate = keys.GroupBy(k => k.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException(
                $"Duplicate {what} '{duplicate.Key}' declared by {string.Join(" and ", duplicate.Select(d => d.Slice.Request.Name))}.");
    }
}
