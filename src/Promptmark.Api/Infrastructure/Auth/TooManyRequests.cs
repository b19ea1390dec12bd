namespace Promptmark.Api.Infrastructure.Auth;

public static class TooManyRequests
{
    /// <summary>A 429 problem details answer with <c>Retry-After</c> in whole seconds (never 0).</summary>
    public static IResult Answer(HttpContext http, TimeSpan retryAfter, string detail)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
        return TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Too many requests",
            Detail = detail,
        });
    }
}
