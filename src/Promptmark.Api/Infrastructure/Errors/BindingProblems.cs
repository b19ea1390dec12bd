using FluentValidation.Results;

namespace Promptmark.Api.Infrastructure.Errors;

/// <summary>
/// Route and query values that FastEndpoints cannot bind (a word where a number belongs) get the same problem details
/// shape as every other 400: <c>errors</c> maps each field to plain messages (worded by <c>WireRequest.Expected</c>).
/// </summary>
public static class BindingProblems
{
    public static object Build(List<ValidationFailure> failures, HttpContext http, int status)
    {
        var errors = failures
            .GroupBy(f => f.PropertyName is "SerializerErrors" or "serializer_errors" or "" ? "body" : f.PropertyName)
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
        var problem = ProblemResponses.ToProblem(new InvalidInputException(errors));
        problem.Status = status;
        problem.Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1";
        problem.Extensions["trace_id"] = http.TraceIdentifier;
        return problem;
    }
}
