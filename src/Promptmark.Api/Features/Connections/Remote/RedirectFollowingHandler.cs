using System.Net;
using Promptmark.Api.Engines.Egress;

namespace Promptmark.Api.Features.Connections.Remote;

/// <summary>
/// Follows redirects by hand, each hop judged again by <see cref="RedirectPolicy"/>. 307/308 repeat the method and
/// body; 303, and 301/302 after a POST, continue as GET without a body. Once a hop leaves the original origin the
/// rest of the chain is marked <see cref="ConnectionHeadersHandler.CredentialsWithheld"/>.
/// </summary>
internal sealed class RedirectFollowingHandler(ConnectionUrlPolicy urlPolicy) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var redirects = new RedirectPolicy(urlPolicy);
        // Taken before the first send: the inner handler adds the credentials to this very request.
        var headers = request.Headers.ToList();
        // Buffered so that a 307/308 can send the same body again.
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var hop = request;
        var credentialsWithheld = false;

        while (true)
        {
            var response = await base.SendAsync(hop, cancellationToken);
            var step = redirects.Next(hop.RequestUri!, response);
            if (!step.IsRedirect)
                return response;

            var status = response.StatusCode;
            response.Dispose();
            if (hop != request)
                hop.Dispose();
            if (!step.ShouldFollow)
                throw new EgressRefusedException(step.Refusal!);

            credentialsWithheld |= step.OriginChanged;
            hop = NextHop(request, headers, body, status, step.Target, credentialsWithheld);
        }
    }

    private static HttpRequestMessage NextHop(
        HttpRequestMessage original,
        List<KeyValuePair<string, IEnumerable<string>>> headers,
        byte[]? body,
        HttpStatusCode status,
        Uri target,
        bool credentialsWithheld)
    {
        var method = KeepsMethod(status, original.Method) ? original.Method : HttpMethod.Get;
        var hop = new HttpRequestMessage(method, target) { Version = original.Version, VersionPolicy = original.VersionPolicy };
        foreach (var (name, values) in headers)
            hop.Headers.TryAddWithoutValidation(name, values);

        if (method == original.Method && body is not null)
        {
            hop.Content = new ByteArrayContent(body);
            foreach (var (name, values) in original.Content!.Headers)
                hop.Content.Headers.TryAddWithoutValidation(name, values);
        }

        hop.Options.Set(ConnectionHeadersHandler.CredentialsWithheld, credentialsWithheld);
        return hop;
    }

    private static bool KeepsMethod(HttpStatusCode status, HttpMethod method) => status switch
    {
        HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect => true,
        HttpStatusCode.SeeOther => method == HttpMethod.Head,
        _ => method != HttpMethod.Post,
    };
}
