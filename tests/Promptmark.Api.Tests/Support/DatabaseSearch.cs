using Npgsql;

namespace Promptmark.Api.Tests.Support;

/// <summary>Which tables were searched, and which of them hold a row whose text contains what was looked for.</summary>
public sealed record TableSearch(IReadOnlyList<string> Searched, IReadOnlyList<string> Containing);

public static class DatabaseSearch
{
    /// <summary>Searches every row of every Promptmark table as text (<c>row::text</c>), for canaries that must never be stored in clear.</summary>
    public static async Task<TableSearch> TablesContainingAsync(this PromptmarkApp app, string text)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = new NpgsqlConnection(app.DatabaseConnectionString);
        await connection.OpenAsync(ct);
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("select table_name from information_schema.tables where table_schema = 'promptmark'", connection))
        await using (var reader = await list.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) tables.Add(reader.GetString(0));
        var hits = new List<string>();
        foreach (var table in tables)
        {
            await using var search = new NpgsqlCommand($"select count(*) from promptmark.\"{table}\" t where t::text like @text", connection);
            search.Parameters.AddWithValue("text", $"%{text}%");
            if ((long)(await search.ExecuteScalarAsync(ct))! > 0) hits.Add(table);
        }
        return new TableSearch(tables, hits);
    }
}
