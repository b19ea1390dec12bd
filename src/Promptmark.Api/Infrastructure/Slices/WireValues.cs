using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Promptmark.Api.Infrastructure.Json;

namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>
/// The rules every input obeys whichever door it came through and wherever it sat (body, route, query, MCP arguments,
/// template variables inside them), checked on the bound request before any handler runs:
/// a non-nullable property is not null; no string holds NUL (PostgreSQL cannot store or compare it); text inside
/// free-form JSON is valid Unicode (a lone surrogate cannot be logged, stored or rendered).
/// </summary>
public static class WireValues
{
    public const string NulCharacter = "must not contain the NUL character (\\u0000)";
    public const string InvalidText = "must be valid Unicode text (no lone surrogates)";

    private static readonly ConcurrentDictionary<Type, WireProperty[]> Properties = new();

    /// <summary>Adds every broken rule to <paramref name="errors"/>; false when a non-nullable property is null.</summary>
    public static bool Check(object request, InputErrors errors) => CheckObject(request, "", errors);

    /// <summary>Free-form arguments that reach a handler without a request record (an MCP prompt's arguments).</summary>
    public static void CheckArguments(IReadOnlyDictionary<string, JsonElement> arguments, InputErrors errors)
    {
        foreach (var (name, value) in arguments)
        {
            if (name.Contains('\0')) errors.Add("arguments", NulCharacter);
            CheckJson(value, name, errors);
        }
    }

    private static bool CheckObject(object value, string prefix, InputErrors errors)
    {
        var complete = true;
        foreach (var property in Properties.GetOrAdd(value.GetType(), Describe))
        {
            var field = prefix + property.Name;
            var item = property.Info.GetValue(value);
            if (item is null)
            {
                if (!property.Nullable && !property.Required) errors.Add(field, "must not be null");
                complete &= property.Nullable;
                continue;
            }
            complete &= CheckValue(item, field, property.ElementsNullable, errors);
        }
        return complete;
    }

    private static bool CheckValue(object value, string field, bool elementsNullable, InputErrors errors)
    {
        var complete = true;
        switch (value)
        {
            case string text:
                if (text.Contains('\0')) errors.Add(field, NulCharacter);
                break;
            case JsonElement element:
                CheckJson(element, field, errors);
                break;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    CheckValue(entry.Key, field, elementsNullable, errors);
                    if (entry.Value is not null) complete &= CheckValue(entry.Value, $"{field}.{entry.Key}", elementsNullable, errors);
                }
                break;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                {
                    if (item is null && !elementsNullable)
                    {
                        errors.Add($"{field}[{index}]", "must not be null");
                        complete = false;
                    }
                    else if (item is not null) complete &= CheckValue(item, $"{field}[{index}]", elementsNullable, errors);
                    index++;
                }
                break;
            default:
                if (value.GetType().Assembly == typeof(WireValues).Assembly && !value.GetType().IsEnum) complete = CheckObject(value, field + ".", errors);
                break;
        }
        return complete;
    }

    private static void CheckJson(JsonElement element, string field, InputErrors errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                CheckText(element, field, errors);
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray()) CheckJson(item, $"{field}[{index++}]", errors);
                break;
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    if (member.Name.Contains('\0')) errors.Add(field, NulCharacter);
                    CheckJson(member.Value, $"{field}.{member.Name}", errors);
                }
                break;
        }
    }

    private static void CheckText(JsonElement element, string field, InputErrors errors)
    {
        try
        {
            if (element.GetString()!.Contains('\0')) errors.Add(field, NulCharacter);
        }
        catch (InvalidOperationException)
        {
            errors.Add(field, InvalidText);
        }
    }

    private sealed record WireProperty(PropertyInfo Info, string Name, bool Nullable, bool ElementsNullable, bool Required);

    private static WireProperty[] Describe(Type type)
    {
        var nullability = new NullabilityInfoContext();
        return ToolSchema.WireProperties(type).Select(p =>
        {
            var info = nullability.Create(p);
            var elements = info.ElementType ?? info.GenericTypeArguments.LastOrDefault();
            return new WireProperty(p, Wire.NameOf(p), info.ReadState != NullabilityState.NotNull,
                elements is null || elements.ReadState != NullabilityState.NotNull, p.IsDefined(typeof(RequiredAttribute)));
        }).ToArray();
    }
}
