using Npgsql;
using Promptmark.Api.Infrastructure.Database;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Infrastructure;

/// <summary>The stamp that lets a restart of the same build skip Marten's schema comparison.</summary>
public sealed class SchemaStampTests(PromptmarkApp app)
{
    [Fact]
    public void A_started_host_stamps_the_schema_with_its_build()
    {
        SchemaStamp.IsCurrent(app.DatabaseConnectionString).ShouldBeTrue();
    }

    [Fact]
    public async Task A_database_without_a_stamp_is_not_current_until_one_is_recorded()
    {
        var ct = TestContext.Current.CancellationToken;
        var name = $"stamp_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(app.DatabaseConnectionString))
        {
            await admin.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"create database {name}", admin);
            await create.ExecuteNonQueryAsync(ct);
        }
        var fresh = new NpgsqlConnectionStringBuilder(app.DatabaseConnectionString) { Database = name }.ConnectionString;
        await using (var schema = new NpgsqlConnection(fresh))
        {
            await schema.OpenAsync(ct);
            await using var create = new NpgsqlCommand("create schema promptmark", schema);
            await create.ExecuteNonQueryAsync(ct);
        }

        SchemaStamp.IsCurrent(fresh).ShouldBeFalse();
        await SchemaStamp.RecordAsync(fresh, ct);
        SchemaStamp.IsCurrent(fresh).ShouldBeTrue();
    }
}
