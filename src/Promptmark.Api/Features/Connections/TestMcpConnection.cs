using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Features.Connections.Tools;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Connections;

[Description("Test a connection: connect, initialize, list and cache every tool, and record the status. Answers 200 either way, with the error when the server could not be used.")]
public sealed record TestMcpConnection : PrivateInput, ISlice<ConnectionTestResult>
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/mcp/connections/{id}/test").Needs(AccessScope.Execute).MayAnswer(422)
        .Described("Test connectivity and discover tools (the outcome is recorded on the connection)");

    [Required, Description("Connection ID")]
    public string Id { get; init; } = "";
}

/// <summary>Whether the server answered; <see cref="Error"/> says why not (also stored as the connection's last_error).</summary>
public sealed record ConnectionTestResult(bool Ok, string? Error, ConnectionView Connection);

public static class TestMcpConnectionHandler
{
    public static async Task<ConnectionTestResult> Handle(
        TestMcpConnection command, IDocumentSession session, ToolDiscovery discovery, TimeProvider clock, CancellationToken ct)
    {
        var connection = await session.LoadConnectionAsync(command.Id, ct);
        var error = await discovery.RefreshAsync(session, connection, ct);
        return new ConnectionTestResult(error is null, error, ConnectionView.Of(connection, clock.GetUtcNow()));
    }
}
