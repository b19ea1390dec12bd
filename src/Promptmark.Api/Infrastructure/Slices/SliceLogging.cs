namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>
/// Wolverine logs every failed invocation at Error, in a category named after the message type, with the exception.
/// For a slice that line does only harm: an expected failure (404, 409, 422, 502) is the caller's to mend, not the
/// operator's, and its message may quote what the caller sent (the template variable that did not fit); an unexpected
/// failure is logged already by the door it came through (<c>ProblemResponses</c> for REST, the MCP SDK for a tool).
/// So the categories of slice requests are switched off. (A category rule matches by prefix: name no other logging
/// class after a slice request.)
/// </summary>
public static class SliceLogging
{
    public static ILoggingBuilder WithoutInvocationFailures(this ILoggingBuilder logging, SliceCatalog catalog)
    {
        foreach (var slice in catalog.Slices) logging.AddFilter(slice.Request.FullName, LogLevel.None);
        return logging;
    }
}
