namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>
/// A message a door sends on a slice's behalf, built from the slice's checked request (see
/// <see cref="SliceInvoker.InvokeAsync{TRequest,TResponse}"/>): its failures are the slice's, answered and logged by the door.
/// </summary>
public interface ISliceStep;
