namespace Promptmark.Api.Infrastructure.Database;

public class EmbeddedPostgresException(string message, Exception? innerException = null)
    : Exception(message, innerException);
