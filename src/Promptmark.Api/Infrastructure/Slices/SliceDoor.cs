using Wolverine;

namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>
/// The door a request came through. Handlers ask for it only where a message names something the caller can do next:
/// an MCP client is told the tool's name, a REST or web-app user the route and the panel.
/// </summary>
public enum SliceDoor { Rest, Mcp }

/// <summary>Carries the <see cref="SliceDoor"/> from <see cref="SliceInvoker"/> to the handler as a Wolverine envelope header.</summary>
public static class SliceDoorHeader
{
    public const string Name = "promptmark-door";

    public static SliceDoor DoorOf(this Envelope envelope) =>
        envelope.Headers.TryGetValue(Name, out var door) && door == nameof(SliceDoor.Mcp) ? SliceDoor.Mcp : SliceDoor.Rest;
}
