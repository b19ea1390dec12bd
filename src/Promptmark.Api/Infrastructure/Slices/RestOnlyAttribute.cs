namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>
/// A request property offered on the REST route only: the MCP tool's parameters are fixed by the published contract,
/// so the property is left out of the tool's schema and not read from tool arguments.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RestOnlyAttribute : Attribute;
