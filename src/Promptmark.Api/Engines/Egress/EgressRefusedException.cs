namespace Promptmark.Api.Engines.Egress;

/// <summary>Thrown when the guarded handler will not open a connection; the message is safe to show to users.</summary>
public sealed class EgressRefusedException(string message = EgressRefusals.AddressNotAllowed) : Exception(message);
