using System.Text.Json;

namespace Promptmark.Api.Features.Connections.Schemas;

internal sealed partial class SchemaWalker
{
    private static void CheckNumber(JsonElement schema, JsonElement value, ArgumentPath path, ErrorList errors)
    {
        if (!value.TryGetDouble(out var number)) return;

        // Draft 4 writes exclusive bounds as booleans beside minimum/maximum; later drafts as numbers of their own.
        if (schema.TryGetNumber("minimum"u8, out var minimumBound, out var minimum))
        {
            if (schema.IsTrue("exclusiveMinimum"u8) && number <= minimum)
                errors.Add(path, $"must be greater than {minimumBound.GetRawText()}");
            else if (number < minimum)
                errors.Add(path, $"must be at least {minimumBound.GetRawText()}");
        }
        if (schema.TryGetNumber("maximum"u8, out var maximumBound, out var maximum))
        {
            if (schema.IsTrue("exclusiveMaximum"u8) && number >= maximum)
                errors.Add(path, $"must be less than {maximumBound.GetRawText()}");
            else if (number > maximum)
                errors.Add(path, $"must be at most {maximumBound.GetRawText()}");
        }
        if (schema.TryGetNumber("exclusiveMinimum"u8, out var floorBound, out var floor) && number <= floor)
            errors.Add(path, $"must be greater than {floorBound.GetRawText()}");
        if (schema.TryGetNumber("exclusiveMaximum"u8, out var ceilingBound, out var ceiling) && number >= ceiling)
            errors.Add(path, $"must be less than {ceilingBound.GetRawText()}");

        if (schema.TryGetProperty("multipleOf"u8, out var divisor) && divisor.ValueKind == JsonValueKind.Number
            && !IsMultipleOf(value, divisor))
            errors.Add(path, $"must be a multiple of {divisor.GetRawText()}");
    }

    // Decimal arithmetic first, so that 0.3 is a multiple of 0.1; doubles only for values decimal cannot hold.
    private static bool IsMultipleOf(JsonElement value, JsonElement divisor)
    {
        if (value.TryGetDecimal(out var exactValue) && divisor.TryGetDecimal(out var exactDivisor))
            return exactDivisor <= 0 || exactValue % exactDivisor == 0;
        if (!value.TryGetDouble(out var number) || !divisor.TryGetDouble(out var step) || step <= 0) return true;
        var quotient = number / step;
        return double.IsInfinity(quotient) || Math.Abs(quotient - Math.Round(quotient)) < 1e-9;
    }
}
