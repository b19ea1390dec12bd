using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Promptmark.Api.Infrastructure.Json;

namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>
/// Checks the request's wire values (<see cref="WireValues"/>) and <c>[Required]</c> properties, then its own
/// <see cref="IValidated"/> rules (which may therefore rely on non-nullable properties being set), reporting all problems at once.
/// </summary>
public static class RequiredInputs
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> RequiredProperties = new();

    public static void Check(object request)
    {
        var errors = new InputErrors();
        var complete = WireValues.Check(request, errors);
        foreach (var property in RequiredProperties.GetOrAdd(request.GetType(), FindRequired))
            if (IsMissing(property.GetValue(request)))
                errors.Add(Wire.NameOf(property), InputErrors.IsRequired);
        if (!complete) errors.ThrowIfAny();
        if (request is IValidated validated) validated.Validate(errors);
        errors.ThrowIfAny();
    }

    private static PropertyInfo[] FindRequired(Type type) =>
        type.GetProperties().Where(p => p.IsDefined(typeof(RequiredAttribute))).ToArray();

    private static bool IsMissing(object? value) => value switch
    {
        null => true,
        string text => string.IsNullOrWhiteSpace(text),
        JsonElement element => element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null,
        _ => false,
    };
}
