using System.Text;

namespace Promptmark.Api.Engines.Models;

/// <summary>
/// One of a user's providers, opened for a call: where its API lives and the key in clear. Lives only for the call;
/// its ToString leaves the key out, so a log line or an exception message never carries it.
/// </summary>
/// <param name="Name">The user's name for it (<c>openai</c>, <c>anthropic</c>, <c>openrouter</c> or their own).</param>
/// <param name="Kind">One of <see cref="ProviderKinds"/>.</param>
/// <param name="BaseUrl">The API root: e.g. <c>https://api.openai.com/v1</c>, <c>http://127.0.0.1:11434/v1</c>.</param>
/// <param name="ApiKey">The key, or null for a local server that needs none.</param>
public sealed record ProviderEndpoint(string Name, string Kind, Uri BaseUrl, string? ApiKey)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Name = {Name}, Kind = {Kind}, BaseUrl = {BaseUrl}, ApiKey = {(ApiKey is null ? "none" : "(set)")}");
        return true;
    }
}
