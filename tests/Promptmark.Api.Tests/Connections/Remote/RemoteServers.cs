using Promptmark.Api.Features.Connections.Remote;

namespace Promptmark.Api.Tests.Connections.Remote;

/// <summary>Builds the <see cref="RemoteServer"/> a test connects to.</summary>
public static class RemoteServers
{
    public static RemoteServer At(Uri url, string revision = "1", Guid? connectionId = null, Dictionary<string, string>? headers = null) =>
        new(connectionId ?? Guid.NewGuid(), url, headers ?? [], revision);

    public static RemoteServer WithBearer(Uri url, string token, Guid? connectionId = null, string revision = "1") =>
        At(url, revision, connectionId, new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}", ["X-API-Key"] = token });
}
