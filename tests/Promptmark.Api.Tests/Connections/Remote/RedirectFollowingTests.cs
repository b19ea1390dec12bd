using System.Net;
using Promptmark.Api.Engines.Egress;
using Promptmark.Api.Features.Connections.Remote;

namespace Promptmark.Api.Tests.Connections.Remote;

/// <summary>The HttpClient of a connection, on its own, against loopback listeners.</summary>
public sealed class RedirectFollowingTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(HttpStatusCode.TemporaryRedirect, "POST", "ping")]
    [InlineData(HttpStatusCode.PermanentRedirect, "POST", "ping")]
    [InlineData(HttpStatusCode.SeeOther, "GET", "")]
    [InlineData(HttpStatusCode.Found, "GET", "")]
    [InlineData(HttpStatusCode.MovedPermanently, "GET", "")]
    public async Task A_redirected_post_keeps_or_drops_its_method_and_body_by_the_usual_rules(HttpStatusCode status, string method, string body)
    {
        await using var origin = await HopServer.StartAsync();
        using var http = new RemoteHttpClients(Allowing(origin.Port));
        using var client = http.CreateFor(RemoteServers.At(origin.Final), TimeSpan.FromSeconds(10), new RemoteSessionOptions().MaxResponseBytes);

        using var response = await client.PostAsync(origin.Redirect(status, origin.Final), new StringContent("ping"), Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var final = origin.Seen.Last();
        final.Path.ShouldBe("/final");
        final.Method.ShouldBe(method);
        final.Body.ShouldBe(body);
    }

    [Fact]
    public async Task Credentials_stay_off_the_rest_of_the_chain_once_it_has_left_the_origin_even_when_it_comes_back()
    {
        await using var origin = await HopServer.StartAsync();
        await using var elsewhere = await HopServer.StartAsync();
        using var http = new RemoteHttpClients(Allowing(origin.Port, elsewhere.Port));
        using var client = http.CreateFor(RemoteServers.WithBearer(origin.Final, "secret"), TimeSpan.FromSeconds(10), new RemoteSessionOptions().MaxResponseBytes);
        var chain = origin.Redirect(HttpStatusCode.TemporaryRedirect, elsewhere.Redirect(HttpStatusCode.TemporaryRedirect, origin.Final));

        using var response = await client.PostAsync(chain, new StringContent("ping"), Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        origin.Seen.Select(hop => (hop.Path, hop.Authorization)).ShouldBe([("/redirect", "Bearer secret"), ("/final", "")]);
        elsewhere.Seen.Single().Authorization.ShouldBe("");
    }

    [Fact]
    public async Task A_redirect_loop_is_cut_off()
    {
        await using var origin = await HopServer.StartAsync();
        using var http = new RemoteHttpClients(Allowing(origin.Port));
        using var client = http.CreateFor(RemoteServers.At(origin.Final), TimeSpan.FromSeconds(10), new RemoteSessionOptions().MaxResponseBytes);
        var loop = origin.Final;
        for (var i = 0; i <= RedirectPolicy.MaxHops; i++)
            loop = origin.Redirect(HttpStatusCode.Found, loop);

        var failure = await Should.ThrowAsync<EgressRefusedException>(client.GetAsync(loop, Cancellation));

        failure.Message.ShouldBe(EgressRefusals.TooManyRedirects);
    }

    private static EgressOptions Allowing(params int[] ports) => new() { AllowedHosts = [.. ports.Select(port => $"127.0.0.1:{port}")] };
}
