using System.Security.Claims;
using Promptmark.Api.Infrastructure.Auth;
using Wolverine;

namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>
/// The single path from either door to a handler: the credential's scope, defaults, validation, then the Wolverine handler for the caller.
/// The caller's id is the Marten tenant, so every session the handler gets is scoped to the caller's data.
/// </summary>
public sealed class SliceInvoker(IServiceProvider services)
{
    public Task<TResponse> InvokeAsync<TResponse>(object request, ClaimsPrincipal caller, SliceDoor door, CancellationToken ct) =>
        SendAsync<TResponse>(Accept(request, caller), caller, door, ct);

    /// <summary>
    /// Checks <paramref name="request"/> like any slice request, then sends the message <paramref name="toMessage"/> makes
    /// of it: for a door that runs one step of a slice itself (the streaming execute prepares the call, then streams).
    /// </summary>
    public Task<TResponse> InvokeAsync<TRequest, TResponse>(
        TRequest request, ClaimsPrincipal caller, SliceDoor door, Func<TRequest, ISliceStep> toMessage, CancellationToken ct) where TRequest : notnull =>
        SendAsync<TResponse>(toMessage((TRequest)Accept(request, caller)), caller, door, ct);

    /// <summary>The one place a credential's scope is checked against the slice's (<see cref="SliceBinding.Scope"/>), for both doors.</summary>
    private static object Accept(object request, ClaimsPrincipal caller)
    {
        var binding = SliceCatalog.Instance.For(request.GetType()).Binding;
        if (!binding.Anonymous) AccessScope.Require(caller, binding.Scope);
        if (!binding.WithinCollectionGrants) CollectionGrants.RequireUnrestricted(caller);
        var accepted = request is IDefaulted defaulted ? defaulted.WithDefaults() : request;
        RequiredInputs.Check(accepted);
        return accepted;
    }

    private async Task<TResponse> SendAsync<TResponse>(object message, ClaimsPrincipal caller, SliceDoor door, CancellationToken ct)
    {
        var options = new DeliveryOptions { TenantId = caller.FindUserId()?.ToString() };
        options.Headers[SliceDoorHeader.Name] = door.ToString();
        CallerHeaders.Add(options, caller);
        // The bus is resolved per call, not injected: an injected bus would build the document store (and wait for the
        // database) when the REST endpoints are created at start-up, before PostgreSQL needs to be up.
        return await services.GetRequiredService<IMessageBus>().InvokeAsync<TResponse>(message, options, ct);
    }
}
