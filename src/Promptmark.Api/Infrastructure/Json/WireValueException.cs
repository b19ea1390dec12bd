using System.Text.Json;

namespace Promptmark.Api.Infrastructure.Json;

/// <summary>Thrown by our own converters: its message is already worded for the caller, who gets it with the field's name.</summary>
public sealed class WireValueException(string message, Exception? inner = null) : JsonException(message, inner);
