using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Promptmark.Api.Tests.Support;

/// <summary>
/// A reverse proxy on 127.0.0.1 in front of a remote MCP server that demands a credential: a request without
/// <see cref="Required"/> gets 401 and is never forwarded. Everything else is forwarded as is and the answer streams back
/// chunk by chunk (SSE events arrive one by one). It records every request it receives, so tests can check what a client
/// sent, and what it did not.
/// </summary>
public sealed class AuthProxy(Uri upstream, int port) : IAsyncDisposable
{
    // Hop-by-hop headers belong to one connection; Host is the upstream's own, set by HttpClient.
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer",
        "Transfer-Encoding", "Upgrade", "Host",
    };

    private readonly HttpClient _upstreamClient = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
    }) { Timeout = Timeout.InfiniteTimeSpan };

    private readonly List<ProxiedRequest> _requests = [];
    private readonly HashSet<string> _sessionIds = [];
    private readonly HashSet<string> _expiredSessionIds = [];
    private CancellationTokenSource _sessionStreams = new();
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;

    public int Port => port;
    public Uri BaseAddress => new($"http://127.0.0.1:{port}");

    /// <summary>The same path as <paramref name="upstreamEndpoint"/>, reached through the proxy.</summary>
    public Uri Endpoint(Uri upstreamEndpoint) => new(BaseAddress, upstreamEndpoint.PathAndQuery);

    /// <summary>The header every request must carry; null lets everything through.</summary>
    public RequiredHeader? Required { get; set; }

    /// <summary>When set, every request (with or without the credential) is answered with this redirect instead.</summary>
    public ProxyRedirect? Redirect { get; set; }

    public IReadOnlyList<ProxiedRequest> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    public ProxiedRequest? LastRequest
    {
        get { lock (_requests) return _requests.LastOrDefault(); }
    }

    /// <summary>
    /// Simulates a server that forgot its sessions: every <c>Mcp-Session-Id</c> seen so far is answered 404 from now
    /// on, and the streams open for them are cut. A session created afterwards (a new initialize) works.
    /// </summary>
    public void ExpireSessions()
    {
        CancellationTokenSource cut;
        lock (_requests)
        {
            _expiredSessionIds.UnionWith(_sessionIds);
            cut = _sessionStreams;
            _sessionStreams = new CancellationTokenSource();
        }
        cut.Cancel();
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_app is not null) await _app.DisposeAsync();
        _upstreamClient.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var sessionId = request.Headers["Mcp-Session-Id"].ToString();
        bool expired;
        CancellationToken sessionCut;
        lock (_requests)
        {
            _requests.Add(new ProxiedRequest(request.Method, request.Path + request.QueryString,
                request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            if (sessionId.Length > 0) _sessionIds.Add(sessionId);
            expired = _expiredSessionIds.Contains(sessionId);
            sessionCut = sessionId.Length > 0 ? _sessionStreams.Token : CancellationToken.None;
        }

        if (Redirect is { } redirect)
        {
            context.Response.StatusCode = redirect.StatusCode;
            context.Response.Headers.Location = redirect.Location.ToString();
            return;
        }
        if (Required is { } required && request.Headers[required.Name].ToString() != required.Value)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        if (expired)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token, sessionCut);
        try
        {
            await ForwardAsync(context, cancel.Token);
        }
        catch (HttpRequestException) when (!context.Response.HasStarted)
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
        }
        catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException)
        {
            context.Abort(); // the upstream died mid-answer or the stream was cut: the client sees the connection break
        }
    }

    private async Task ForwardAsync(HttpContext context, CancellationToken cancel)
    {
        using var outgoing = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(upstream, context.Request.Path + context.Request.QueryString));
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
            outgoing.Content = new StreamContent(context.Request.Body);
        foreach (var (name, values) in context.Request.Headers)
        {
            if (NotForwarded.Contains(name)) continue;
            if (!outgoing.Headers.TryAddWithoutValidation(name, values.ToArray()))
                outgoing.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
        }

        using var incoming = await _upstreamClient.SendAsync(outgoing, HttpCompletionOption.ResponseHeadersRead, cancel);
        context.Response.StatusCode = (int)incoming.StatusCode;
        foreach (var (name, values) in incoming.Headers.Concat(incoming.Content.Headers))
            if (!NotForwarded.Contains(name))
                context.Response.Headers[name] = values.ToArray();

        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await context.Response.StartAsync(cancel);
        await using var body = await incoming.Content.ReadAsStreamAsync(cancel);
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(buffer, cancel)) > 0)
        {
            await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), cancel);
            await context.Response.Body.FlushAsync(cancel);
        }
    }
}
