using System.Text.RegularExpressions;
using ModelContextProtocol;

namespace Promptmark.Api.Features.Connections.Remote;

/// <summary>
/// The SDK, asked for <see cref="RemoteMcpSessions.ProtocolVersion"/>, refuses a server that answers <c>initialize</c> with an
/// older revision (an <see cref="McpException"/>, "Server protocol version mismatch. Expected …, got …"), where the
/// specification lets the client go on in that revision when it supports it. The offered version is only in that message:
/// the session is opened again asking for it.
/// </summary>
internal static partial class OlderProtocolVersion
{
    // The revisions before ours that the SDK speaks over an initialize handshake, newest first.
    private static readonly string[] Supported = ["2025-06-18", "2025-03-26", "2024-11-05"];

    /// <summary>The older supported revision the server offered, when that is why opening the session failed.</summary>
    public static string? OfferedIn(Exception failure) =>
        failure is McpException and not McpProtocolException
        && Mismatch().Match(failure.Message) is { Success: true } match
        && Supported.Contains(match.Groups["offered"].Value)
            ? match.Groups["offered"].Value
            : null;

    [GeneratedRegex(@"^Server protocol version mismatch\. Expected \S+, got (?<offered>\S+)$")]
    private static partial Regex Mismatch();
}
