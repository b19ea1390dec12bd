namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>
/// Wolverine logs every exception a handler throws at error level, with its stack ("Invocation of X failed!"), in the
/// category of the message type and before anyone can say whether the failure was expected. The doors say that:
/// <c>ProblemResponses</c> logs a 500 at error and an expected refusal (404, 409, …) at debug; the MCP SDK logs a
/// tool's unexpected exception at error. Wolverine's line would also print what the caller sent: the request (records
/// print only their type name, see <see cref="PrivateInput"/>) and the exception's message, which may quote a template
/// variable that did not fit. So Wolverine's own line is left out for slice requests and their steps. (A category rule
/// matches by prefix: name no other logging class after a slice request.)
/// </summary>
public static class HandlerFailureLogging
{
    public static ILoggingBuilder LeaveHandlerFailuresToTheDoors(this ILoggingBuilder logging, SliceCatalog catalog)
    {
        var steps = typeof(ISliceStep).Assembly.GetTypes().Where(t => t.IsAssignableTo(typeof(ISliceStep)) && !t.IsInterface);
        foreach (var message in catalog.Slices.Select(s => s.Request).Concat(steps)) logging.AddFilter(message.FullName, LogLevel.None);
        return logging;
    }
}
