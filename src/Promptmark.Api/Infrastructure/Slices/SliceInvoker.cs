using System.Security.Claims;
using Promptmark.Api.Infrastructure.Auth;
using Wolverine;

namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>
/// The single path from either door to a handler: validate, then invoke the Wolverine handler for the caller.
/// The caller's id is the Marten tenant, so every session the handler gets is scoped to the caller's data.
/// </summary>
public sealed class SliceInvoker(IMessageBus bus)
{
    public async Task<TResponse> InvokeAsync<TResponse>(object request, ClaimsPrincipal caller, SliceDoor door, CancellationToken ct)
    {
        if (request is IDefaulted defaulted) request = defaulted.WithDefaults();
        RequiredInputs.Check(request);
        var options = new DeliveryOptions { TenantId = caller.FindUserId()?.ToString() };
        options.Headers[SliceDoorHeader.Name] = door.ToString();
        return await bus.InvokeAsync<TResponse>(request, options, ct);
    }
}
