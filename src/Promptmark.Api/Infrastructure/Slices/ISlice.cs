namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>
/// Implemented by a slice's request record: the record is the contract of both doors (REST body/query and
/// MCP input schema), <typeparamref name="TResponse"/> is what its Wolverine handler returns, and
/// <see cref="Binding"/> says where the slice is reachable. The catalog finds every implementation.
/// </summary>
public interface ISlice<TResponse>
{
    static abstract SliceBinding Binding { get; }
}

/// <summary>A request that checks rules beyond <c>[Required]</c>; runs before the handler on both doors.</summary>
public interface IValidated
{
    void Validate(InputErrors errors);
}
