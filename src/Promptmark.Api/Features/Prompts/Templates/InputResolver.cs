using System.Text.Json;

namespace Promptmark.Api.Features.Prompts.Templates;

/// <summary>The text each variable renders as (by variable index), with every problem found on the way.</summary>
internal readonly record struct ResolvedInputs(string?[] Values, InputCheck Check);

/// <summary>Checks inputs against the variables and works out what each variable renders as.</summary>
internal static class InputResolver
{
    public static ResolvedInputs Resolve(
        IReadOnlyList<TemplateVariable> variables,
        IReadOnlyDictionary<string, JsonElement>? inputs)
    {
        var values = new string?[variables.Count];
        List<InputProblem>? errors = null;
        var known = 0;

        for (var i = 0; i < variables.Count; i++)
        {
            var variable = variables[i];
            var input = InputValue.Missing;
            if (inputs is not null && inputs.TryGetValue(variable.Name, out var element))
            {
                input = InputValue.Read(element);
                known++;
            }

            // A blank input counts as not given, so optional variables fall back to their default.
            var error = input.IsBlank
                ? UseDefault(variable, out values[i])
                : Convert(variable, input, out values[i]);
            if (error is not null)
                (errors ??= []).Add(new InputProblem(variable.Name, error));
        }

        // Every input named a variable (names are distinct on both sides), so none can be unknown.
        var unknown = inputs is null || known == inputs.Count ? [] : UnknownKeys(variables, inputs);
        var check = errors is null && unknown.Count == 0 ? InputCheck.Clean : new InputCheck((IReadOnlyList<InputProblem>?)errors ?? [], unknown);
        return new ResolvedInputs(values, check);
    }

    private static string? UseDefault(TemplateVariable variable, out string? value)
    {
        value = variable.Default;
        if (!variable.Required)
            return null;
        return variable.Type == VariableType.Enum
            ? $"\"{variable.Name}\" is required; choose one of: {MessageText.OptionList(variable.Options)}"
            : $"\"{variable.Name}\" is required";
    }

    private static string? Convert(TemplateVariable variable, InputValue input, out string? value)
    {
        var isScalar = input.Kind is InputKind.String or InputKind.Number or InputKind.Boolean;
        value = variable.Type switch
        {
            VariableType.Number when input.Kind == InputKind.Number => input.Text,
            VariableType.Number when input.Kind == InputKind.String && ValueRules.IsNumber(input.Text) => input.Text!.Trim(),
            VariableType.Boolean when input.Kind == InputKind.Boolean => input.Text,
            VariableType.Boolean when input.Kind == InputKind.String => ValueRules.AsBoolean(input.Text.AsSpan().Trim()),
            VariableType.Enum when isScalar => ValueRules.MatchOption(variable.Options, input.Text.AsSpan().Trim()),
            VariableType.String or VariableType.Text when isScalar => input.Text,
            _ => null,
        };
        if (value is not null)
            return null;

        var name = variable.Name;
        var got = input.Describe();
        return variable.Type switch
        {
            VariableType.Number => $"\"{name}\" must be a number, got {got}",
            VariableType.Boolean => $"\"{name}\" must be true or false, got {got}",
            VariableType.Enum => $"\"{name}\" must be one of: {MessageText.OptionList(variable.Options)}; got {got}",
            _ => $"\"{name}\" must be a single value, got {got}",
        };
    }

    private static IReadOnlyList<InputProblem> UnknownKeys(
        IReadOnlyList<TemplateVariable> variables,
        IReadOnlyDictionary<string, JsonElement> inputs)
    {
        // Only reached when some input named no variable, so the names are gathered only then.
        var names = variables.Select(variable => variable.Name).ToHashSet(StringComparer.Ordinal);
        List<InputProblem>? warnings = null;
        foreach (var key in inputs.Keys)
        {
            if (!names.Contains(key))
                (warnings ??= []).Add(new InputProblem(key, UnknownKeyMessage(key, variables)));
        }
        return (IReadOnlyList<InputProblem>?)warnings ?? [];
    }

    private static string UnknownKeyMessage(string key, IReadOnlyList<TemplateVariable> variables)
    {
        var message = $"unknown variable {MessageText.Quote(key)} is ignored";
        foreach (var variable in variables)
        {
            if (string.Equals(variable.Name, key, StringComparison.OrdinalIgnoreCase))
                return $"{message}; did you mean \"{variable.Name}\"?";
        }
        return message;
    }
}
