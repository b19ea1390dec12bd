namespace Promptmark.Api.Infrastructure.Database;

public sealed class PostgresBinariesNotFoundException(string installRoot) : EmbeddedPostgresException(
    $"PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or under {installRoot}/*/bin: " +
    "install PostgreSQL (Debian: apt-get install postgresql) or set ConnectionStrings__Promptmark to an existing database.");
