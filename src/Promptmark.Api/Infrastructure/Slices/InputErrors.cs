using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>Collects every problem with a request at once, keyed by wire field name.</summary>
public sealed class InputErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public const string IsRequired = "is required";

    /// <summary>Adds a problem with <paramref name="field"/>; a field already reported missing gets no further messages.</summary>
    public InputErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages)) _errors[field] = messages = [];
        if (!messages.Contains(IsRequired)) messages.Add(message);
        return this;
    }

    public void When(bool failed, string field, string message)
    {
        if (failed) Add(field, message);
    }

    public void ThrowIfAny()
    {
        if (Any) throw ToException();
    }

    /// <summary>Every problem in one line, "field: message; …", as an MCP error that is not a tool result carries it.</summary>
    public string Message => ToException().Message;

    private InvalidInputException ToException() => new(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
}
