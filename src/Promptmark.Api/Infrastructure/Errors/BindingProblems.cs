using System.Text.RegularExpressions;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;

namespace Promptmark.Api.Infrastructure.Errors;

/// <summary>
/// Input that FastEndpoints cannot even bind (malformed JSON, a string where a boolean belongs) gets the same
/// problem details shape as every other 400: <c>errors</c> maps each field to plain messages.
/// </summary>
public static partial class BindingProblems
{
    public static object Build(List<ValidationFailure> failures, HttpContext http, int status)
    {
        var errors = failures
            .GroupBy(f => f.PropertyName is "SerializerErrors" or "serializer_errors" or "" ? "body" : f.PropertyName)
            .ToDictionary(g => g.Key, g => g.Select(f => Friendly(f.ErrorMessage)).Distinct().ToArray());
        var problem = ProblemResponses.ToProblem(new InvalidInputException(errors));
        problem.Status = status;
        problem.Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1";
        problem.Extensions["trace_id"] = http.TraceIdentifier;
        return problem;
    }

    /// <summary>Serializer wording ("Cannot get the value of a token type 'String' as a boolean.") in the words of the other 400s.</summary>
    private static string Friendly(string message)
    {
        if (TokenType().Match(message) is { Success: true } token) return $"must be a {token.Groups[1].Value.ToLowerInvariant()}";
        if (InvalidValue().Match(message) is { Success: true } value) return $"must be {Describe(value.Groups[1].Value)}";
        if (NotConvertible().Match(message) is { Success: true } target) return $"must be {Describe(target.Groups[1].Value)}";
        if (message.Contains("LineNumber:")) return "is not valid JSON: " + message.Split(" LineNumber:")[0];
        return message;
    }

    private static string Describe(string clrType) => clrType switch
    {
        "Int32" or "Int64" or "Int16" => "a whole number",
        "Double" or "Single" or "Decimal" => "a number",
        "Boolean" => "true or false",
        "Guid" => "an ID",
        _ => $"a valid {clrType}",
    };

    [GeneratedRegex(@"^Cannot get the value of a token type '\w+' as a (\w+)\.")]
    private static partial Regex TokenType();

    [GeneratedRegex(@"^Value \[.*\] is not valid for a \[(\w+)\] property!$")]
    private static partial Regex InvalidValue();

    [GeneratedRegex(@"could not be converted to System\.(?:Nullable`1\[System\.)?(\w+)")]
    private static partial Regex NotConvertible();
}
