namespace Promptmark.Api.Tests.Support;

/// <summary>A request as <see cref="AuthProxy"/> received it, before deciding whether to forward it.</summary>
public sealed record ProxiedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name);
}
