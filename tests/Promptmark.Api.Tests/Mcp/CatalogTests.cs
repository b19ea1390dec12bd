using System.ComponentModel;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Tests.Mcp;

public sealed class CatalogTests
{
    [Fact]
    public void two_slices_with_the_same_tool_name_stop_start_up()
    {
        var error = Should.Throw<InvalidOperationException>(() => new SliceCatalog(typeof(CatalogTests).Assembly));
        error.Message.ShouldContain("Duplicate MCP tool name 'twin_tool'");
    }

    [Fact]
    public void the_application_catalog_has_unique_tools_and_routes()
    {
        var catalog = SliceCatalog.Instance;
        catalog.Tools.Select(t => t.Binding.Tool).ShouldBeUnique();
        catalog.Slices.Select(s => s.Binding.Verb + " " + s.Binding.Route).ShouldBeUnique();
    }
}

[Description("first twin")]
public sealed record TwinOne : ISlice<string>
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/twin/one").AsTool("twin_tool", "Twin tool");
}

[Description("second twin")]
public sealed record TwinTwo : ISlice<string>
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/twin/two").AsTool("twin_tool", "Twin tool");
}
