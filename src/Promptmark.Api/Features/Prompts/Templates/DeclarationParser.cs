using System.Diagnostics.CodeAnalysis;

namespace Promptmark.Api.Features.Prompts.Templates;

/// <summary>Reads what sits between <c>{{</c> and <c>}}</c>: <c>name[:type[:default]]</c> or <c>name:enum:options[:default]</c>.</summary>
internal static class DeclarationParser
{
    /// <param name="isBare">True for a plain <c>{{name}}</c>, which only refers to the variable when it was declared earlier.</param>
    public static bool TryParse(
        ReadOnlySpan<char> inner,
        [NotNullWhen(true)] out TemplateVariable? variable,
        out bool isBare,
        [NotNullWhen(false)] out string? error)
    {
        variable = null;
        isBare = false;

        var body = inner.Trim();
        var nameEnd = body.IndexOf(':');
        var name = (nameEnd < 0 ? body : body[..nameEnd]).Trim();
        error = NameProblem(name, body.IsEmpty);
        if (error is not null)
            return false;

        if (nameEnd < 0)
        {
            isBare = true;
            variable = new TemplateVariable(name.ToString(), VariableType.String, null, []);
            return true;
        }

        var afterName = body[(nameEnd + 1)..];
        var typeEnd = afterName.IndexOf(':');
        var typeName = (typeEnd < 0 ? afterName : afterName[..typeEnd]).Trim();
        if (!VariableTypeNames.TryParse(typeName, out var type))
        {
            error = $"{MessageText.Quote(typeName)} is not a known type; use string, text, number, boolean or enum";
            return false;
        }

        ReadOnlySpan<char> rest = typeEnd < 0 ? [] : afterName[(typeEnd + 1)..];
        if (type == VariableType.Enum)
            return TryBuildEnum(name.ToString(), rest, out variable, out error);

        // For scalar types everything after the second colon is the default, colons included.
        return TryBuildScalar(name.ToString(), type, hasDefault: typeEnd >= 0, rest.Trim(), out variable, out error);
    }

    private static string? NameProblem(ReadOnlySpan<char> name, bool nothingInside)
    {
        if (nothingInside)
            return "there is no variable name between the braces";
        if (name.IsEmpty)
            return "the variable name is missing before the \":\"";
        if (!IsValidName(name))
            return $"{MessageText.Quote(name)} is not a valid variable name; start with a letter and use only letters, digits and _";
        return null;
    }

    private static bool IsValidName(ReadOnlySpan<char> name)
    {
        if (!char.IsAsciiLetter(name[0]))
            return false;
        foreach (var c in name[1..])
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
                return false;
        }
        return true;
    }

    private static bool TryBuildScalar(
        string name, VariableType type, bool hasDefault, ReadOnlySpan<char> written,
        [NotNullWhen(true)] out TemplateVariable? variable,
        [NotNullWhen(false)] out string? error)
    {
        variable = null;
        string? defaultValue = null;
        if (hasDefault)
        {
            error = DefaultLengthProblem(name, written.Length) ?? type switch
            {
                VariableType.Number when !ValueRules.IsNumber(written) =>
                    $"the default for \"{name}\" must be a number, got {MessageText.Quote(written)}",
                VariableType.Boolean when ValueRules.AsBoolean(written) is null =>
                    $"the default for \"{name}\" must be true or false, got {MessageText.Quote(written)}",
                _ => null,
            };
            if (error is not null)
                return false;
            defaultValue = type == VariableType.Boolean ? ValueRules.AsBoolean(written) : written.ToString();
        }

        error = null;
        variable = new TemplateVariable(name, type, defaultValue, []);
        return true;
    }

    private static bool TryBuildEnum(
        string name, ReadOnlySpan<char> rest,
        [NotNullWhen(true)] out TemplateVariable? variable,
        [NotNullWhen(false)] out string? error)
    {
        variable = null;
        var optionsEnd = rest.IndexOf(':');
        var options = ParseOptions(optionsEnd < 0 ? rest : rest[..optionsEnd]);
        if (options.Count == 0)
        {
            error = $"the enum \"{name}\" needs at least one option, as in {{{{{name}:enum:first,second}}}}";
            return false;
        }

        string? defaultValue = null;
        if (optionsEnd >= 0)
        {
            var written = rest[(optionsEnd + 1)..].Trim();
            error = DefaultLengthProblem(name, written.Length);
            if (error is not null)
                return false;

            defaultValue = ValueRules.MatchOption(options, written);
            if (defaultValue is null)
            {
                error = $"the default for \"{name}\" must be one of: {MessageText.OptionList(options)}; got {MessageText.Quote(written)}";
                return false;
            }
        }

        error = null;
        variable = new TemplateVariable(name, VariableType.Enum, defaultValue, options);
        return true;
    }

    private static List<string> ParseOptions(ReadOnlySpan<char> list)
    {
        var options = new List<string>();
        foreach (var range in list.Split(','))
        {
            var option = list[range].Trim().ToString();
            if (option.Length > 0 && !options.Contains(option))
                options.Add(option);
        }
        return options;
    }

    private static string? DefaultLengthProblem(string name, int defaultLength) =>
        defaultLength > ValueRules.MaxDefaultLength
            ? $"the default for \"{name}\" is longer than {ValueRules.MaxDefaultLength} characters"
            : null;
}
