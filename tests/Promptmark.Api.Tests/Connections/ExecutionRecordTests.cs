using System.Text.Json;
using Npgsql;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Connections;

/// <summary>
/// Execution records are written with group commit (several calls' records in one transaction): each must still be
/// committed, under its own user, by the time its call is answered, so a crash right after the answer loses nothing.
/// </summary>
public sealed class ExecutionRecordTests(PromptmarkApp app, EverythingFixture everything) : IClassFixture<EverythingFixture>
{
    [Fact]
    public async Task concurrent_executions_of_two_users_are_each_committed_under_their_owner_before_the_answer()
    {
        var users = new[] { await app.NewUserAsync(), await app.NewUserAsync() };
        var connections = new Dictionary<Guid, string>();
        foreach (var user in users) connections[user.Id] = await app.ConnectAsync(user, everything.Server.Endpoint);

        var calls = Enumerable.Range(0, 12).Select(async i =>
        {
            var user = users[i % users.Length];
            var answer = await app.ExecuteAsync(user, connections[user.Id], "echo", new { message = $"call {i}" });
            // Read straight from PostgreSQL as soon as the answer arrives: no retry, no wait.
            return (User: user, Message: $"call {i}", Stored: await StoredExecutionAsync(answer.GetProperty("execution_id").GetGuid()));
        });

        foreach (var (user, message, stored) in await Task.WhenAll(calls))
        {
            stored.ShouldNotBeNull($"the record of {message} was not committed when its answer was sent");
            stored.Value.Tenant.ShouldBe(user.Id.ToString());
            stored.Value.Input.ShouldContain(message);
        }
        foreach (var user in users)
            (await app.ExecutionsAsync(user)).GetArrayLength().ShouldBe(6);
    }

    private async Task<(string Tenant, string Input)?> StoredExecutionAsync(Guid id)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = new NpgsqlConnection(app.DatabaseConnectionString);
        await connection.OpenAsync(ct);
        await using var read = new NpgsqlCommand("select tenant_id, data from promptmark.mt_doc_mcpexecution where id = @id", connection);
        read.Parameters.AddWithValue("id", id);
        await using var row = await read.ExecuteReaderAsync(ct);
        if (!await row.ReadAsync(ct)) return null;
        using var data = JsonDocument.Parse(row.GetString(1));
        return (row.GetString(0), data.RootElement.GetProperty("Input").GetString()!);
    }
}
