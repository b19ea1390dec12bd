namespace Promptmark.Api.Infrastructure.Database;

internal sealed record Command(string Program, IReadOnlyList<string> Arguments)
{
    public override string ToString() => string.Join(' ', [Program, .. Arguments]);
}

internal sealed record CommandResult(Command Command, int ExitCode, string Output)
{
    public CommandResult EnsureSuccess() => ExitCode == 0
        ? this
        : throw new EmbeddedPostgresException($"`{Command}` failed with exit code {ExitCode}: {Output}");
}
