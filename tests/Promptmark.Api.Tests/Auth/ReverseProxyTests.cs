using System.Net;
using Alba;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Promptmark.Api.Infrastructure.Hosting;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Auth;

public sealed class ReverseProxyTests(PromptmarkApp app)
{
    private static readonly IPAddress Loopback = IPAddress.Loopback;
    private static readonly IPAddress Untrusted = IPAddress.Parse("203.0.113.7");

    [Fact]
    public async Task the_session_cookie_is_secure_when_a_trusted_proxy_forwards_https()
    {
        var user = await app.NewUserAsync();
        (await SignInCookieAsync(user, Loopback, proto: "https")).ShouldContain("secure", Case.Insensitive);
    }

    [Fact]
    public async Task the_session_cookie_is_not_secure_over_plain_http()
    {
        var user = await app.NewUserAsync();
        (await SignInCookieAsync(user, Loopback, proto: null)).ShouldNotContain("secure", Case.Insensitive);
    }

    [Fact]
    public async Task forwarded_https_from_an_untrusted_hop_is_ignored()
    {
        var user = await app.NewUserAsync();
        (await SignInCookieAsync(user, Untrusted, proto: "https")).ShouldNotContain("secure", Case.Insensitive);
    }

    [Fact]
    public async Task the_throttle_counts_the_client_a_trusted_proxy_names()
    {
        var user = await app.NewUserAsync();
        var guesser = ClientAddresses.New();
        for (var i = 0; i < 5; i++) await SignInAsync(Loopback, guesser, user.Email, $"guess {i}", 401);
        await SignInAsync(Loopback, guesser, user.Email, user.Password, 429);

        await SignInAsync(Loopback, ClientAddresses.New(), user.Email, user.Password, 200);
    }

    [Fact]
    public async Task a_client_naming_itself_through_an_untrusted_hop_is_counted_as_that_hop()
    {
        var user = await app.NewUserAsync();
        for (var i = 0; i < 5; i++) await SignInAsync(Untrusted, ClientAddresses.New(), user.Email, $"guess {i}", 401);
        await SignInAsync(Untrusted, ClientAddresses.New(), user.Email, user.Password, 429);
    }

    [Fact]
    public void trusted_proxies_are_configured_as_addresses_and_networks_besides_loopback()
    {
        var options = ForwardedHeadersFor("192.0.2.10", "10.20.0.0/16");

        options.KnownProxies.ShouldContain(IPAddress.Parse("192.0.2.10"));
        options.KnownProxies.ShouldContain(IPAddress.IPv6Loopback);
        options.KnownIPNetworks.ShouldContain(System.Net.IPNetwork.Parse("10.20.0.0/16"));
        options.KnownIPNetworks.ShouldContain(System.Net.IPNetwork.Parse("127.0.0.0/8"));
    }

    [Fact]
    public void a_trusted_proxy_entry_that_is_not_an_address_stops_start_up()
    {
        Should.Throw<InvalidOperationException>(() => ForwardedHeadersFor("proxy.internal")).Message.ShouldContain("proxy.internal");
    }

    private static ForwardedHeadersOptions ForwardedHeadersFor(params string[] trusted)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(trusted.Select((entry, i) => KeyValuePair.Create<string, string?>($"{ReverseProxy.TrustedProxiesKey}:{i}", entry)))
            .Build();
        using var services = new ServiceCollection().AddReverseProxySupport(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
    }

    private async Task<string> SignInCookieAsync(TestUser user, IPAddress peer, string? proto)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.ConfigureHttpContext(http => http.Connection.RemoteIpAddress = peer);
            s.Post.Json(new { email = user.Email, password = user.Password }).ToUrl("/api/auth/login");
            s.WithRequestHeader(ClientAddresses.Header, ClientAddresses.New());
            if (proto is not null) s.WithRequestHeader("X-Forwarded-Proto", proto);
            s.StatusCodeShouldBe(200);
        });
        return result.Context.Response.Headers.SetCookie.ToString();
    }

    private Task SignInAsync(IPAddress peer, string client, string email, string password, int expect) =>
        app.Host.Scenario(s =>
        {
            s.ConfigureHttpContext(http => http.Connection.RemoteIpAddress = peer);
            s.Post.Json(new { email, password }).ToUrl("/api/auth/login");
            s.WithRequestHeader(ClientAddresses.Header, client);
            s.StatusCodeShouldBe(expect);
        });
}
