using System.Text.Json;
using JasperFx;
using Marten.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Promptmark.Api.Infrastructure.Errors;

/// <summary>
/// Turns every exception that reaches the REST pipeline into RFC 7807 problem details. Expected failures keep
/// their message; anything else becomes a generic 500 whose details stay in the log, never in the response.
/// </summary>
public sealed class ProblemResponses(IProblemDetailsService problems, ILogger<ProblemResponses> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var details = ToProblem(Unwrap(exception));
        if (details.Status == StatusCodes.Status500InternalServerError)
            logger.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
        else
            logger.LogDebug("{Method} {Path} answered {Status}: {Title}", http.Request.Method, http.Request.Path, details.Status, details.Title);
        http.Response.StatusCode = details.Status!.Value;
        if (await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details, Exception = exception }))
            return true;
        // The problem-details writer declines a client that accepts no JSON (text/event-stream only); it still gets told why.
        await http.Response.WriteAsJsonAsync(details, (JsonSerializerOptions?)null, "application/problem+json", ct);
        return true;
    }

    public static ProblemDetails ToProblem(Exception exception)
    {
        if (exception is not SliceException known)
            return new ProblemDetails { Status = 500, Title = "Internal error", Detail = "Something went wrong on our side; it has been logged." };
        var details = new ProblemDetails { Status = known.Status, Title = known.Title, Detail = known.Message };
        foreach (var (key, value) in known.Extensions) details.Extensions[key] = value;
        return details;
    }

    /// <summary>Maps storage-level surprises that have a meaning for the caller (a unique index that a race hit) to slice errors.</summary>
    public static Exception Unwrap(Exception exception) => exception switch
    {
        SliceException => exception,
        // Kestrel refusing the request itself (a body over its size limit, a body cut short) is the caller's doing.
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new PayloadTooLargeException(exception.Message),
        BadHttpRequestException => new InvalidInputException("body", exception.Message),
        DocumentAlreadyExistsException => new ConflictException("an object with the same identity already exists"),
        MartenCommandException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } =>
            new ConflictException("this conflicts with an existing object (a name or email that must be unique)"),
        AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        _ when exception.InnerException is SliceException inner => inner,
        _ => exception,
    };
}
