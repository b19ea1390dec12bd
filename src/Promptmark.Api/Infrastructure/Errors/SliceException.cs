namespace Promptmark.Api.Infrastructure.Errors;

/// <summary>
/// An expected failure of a slice. Both doors translate it the same way: REST answers problem details with
/// <see cref="Status"/>, MCP answers an <c>isError</c> result with <see cref="Exception.Message"/>.
/// </summary>
public abstract class SliceException(string message) : Exception(message)
{
    public abstract int Status { get; }
    public abstract string Title { get; }

    /// <summary>Extra members of the problem details (REST) and lines of the error text (MCP).</summary>
    public virtual IReadOnlyDictionary<string, object?> Extensions => new Dictionary<string, object?>();
}

/// <summary>The object does not exist, is deleted, or belongs to someone else: the three are indistinguishable on purpose.</summary>
public sealed class NotFoundException(string what) : SliceException($"{what} not found")
{
    public override int Status => StatusCodes.Status404NotFound;
    public override string Title => "Not found";
}

/// <summary>Malformed input; <see cref="Errors"/> maps each wire field name to what is wrong with it.</summary>
public sealed class InvalidInputException(IReadOnlyDictionary<string, string[]> errors)
    : SliceException(string.Join("; ", errors.SelectMany(e => e.Value.Select(message => $"{e.Key}: {message}"))))
{
    public InvalidInputException(string field, string message) : this(new Dictionary<string, string[]> { [field] = [message] }) { }

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
    public override int Status => StatusCodes.Status400BadRequest;
    public override string Title => "Invalid input";
    public override IReadOnlyDictionary<string, object?> Extensions => new Dictionary<string, object?> { ["errors"] = Errors };
}

/// <summary>The request is well-formed but collides with existing state (a taken name or email).</summary>
public sealed class ConflictException(string message) : SliceException(message)
{
    public override int Status => StatusCodes.Status409Conflict;
    public override string Title => "Conflict";
}

/// <summary>The request is well-formed but cannot be carried out as asked (e.g. template inputs that fail the template's schema).</summary>
public sealed class UnprocessableException(string message, IReadOnlyDictionary<string, object?>? extensions = null) : SliceException(message)
{
    public override int Status => StatusCodes.Status422UnprocessableEntity;
    public override string Title => "Unprocessable request";
    public override IReadOnlyDictionary<string, object?> Extensions => extensions ?? new Dictionary<string, object?>();
}

/// <summary>A server we called on the caller's behalf failed or could not be reached; the message is safe to show.</summary>
public sealed class BadGatewayException(string message) : SliceException(message)
{
    public override int Status => StatusCodes.Status502BadGateway;
    public override string Title => "The remote server failed";
}

/// <summary>The request body is larger than the server accepts.</summary>
public sealed class PayloadTooLargeException(string message) : SliceException(message)
{
    public override int Status => StatusCodes.Status413PayloadTooLarge;
    public override string Title => "Request body too large";
}
