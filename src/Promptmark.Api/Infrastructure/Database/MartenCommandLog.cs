using Marten;
using Marten.Services;
using Npgsql;

namespace Promptmark.Api.Infrastructure.Database;

/// <summary>
/// Marten's command log. A unique index refusing a write is an answer, not a fault: two requests raced for one name
/// and the caller gets a 409 (<see cref="Errors.ProblemResponses.Unwrap"/>), so it is logged as information, where
/// Marten's own logger would log it as an error. Every other failure stays an error; parameter values are never logged.
/// Logs under Marten's category, so the "Marten" level in configuration governs it.
/// </summary>
public sealed class MartenCommandLog(ILoggerFactory loggers) : IMartenLogger, IMartenSessionLogger
{
    private readonly ILogger logger = loggers.CreateLogger("Marten");

    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) => logger.LogInformation("Executed schema update SQL:\n{Sql}", sql);

    public void OnBeforeExecute(NpgsqlCommand command) { }

    public void OnBeforeExecute(NpgsqlBatch batch) { }

    public void LogSuccess(NpgsqlCommand command)
    {
        if (logger.IsEnabled(LogLevel.Debug)) logger.LogDebug("{Sql}", command.CommandText);
    }

    public void LogSuccess(NpgsqlBatch batch)
    {
        if (logger.IsEnabled(LogLevel.Debug)) logger.LogDebug("{Sql}", BatchText(batch));
    }

    public void LogFailure(NpgsqlCommand command, Exception ex) => LogFailure(ex, command.CommandText);

    public void LogFailure(NpgsqlBatch batch, Exception ex) =>
        LogFailure(ex, BatchText(batch));

    public void LogFailure(Exception ex, string message)
    {
        if ((ex as PostgresException ?? ex.InnerException as PostgresException) is { SqlState: PostgresErrorCodes.UniqueViolation } unique)
            logger.LogInformation("Unique index {Constraint} refused a write (answered as a conflict)", unique.ConstraintName);
        else
            logger.LogError(ex, "Marten command failed:\n{Sql}", message);
    }

    private static string BatchText(NpgsqlBatch batch) => string.Join(";\n", batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(c => c.CommandText));

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit) { }
}
