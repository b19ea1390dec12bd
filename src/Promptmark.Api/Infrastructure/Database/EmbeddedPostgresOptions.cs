namespace Promptmark.Api.Infrastructure.Database;

public sealed record EmbeddedPostgresOptions
{
    /// <summary>The cluster folder, e.g. <c>&lt;repo&gt;/.data/postgres</c>.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>When false (tests), fsync and friends are switched off: fast, but a crash can lose or corrupt data.</summary>
    public bool Durable { get; init; } = true;

    public string Database { get; init; } = "promptmark";
}
