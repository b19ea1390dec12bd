using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Promptmark.Api.Infrastructure.Security;

namespace Promptmark.Api.Tests.Security;

public sealed class AllowedOriginsTests
{
    private static readonly HttpRequest OwnRequest = Request("http", "promptmark.internal:8080");

    [Theory]
    [InlineData("http://promptmark.internal:8080", true)]
    [InlineData("https://promptmark.example.com", true)]
    [InlineData("https://promptmark.example.com:8443", false)]
    [InlineData("http://promptmark.example.com", false)]
    [InlineData("http://tools.example.com:1234", true)]
    [InlineData("http://localhost:6274", false)]
    [InlineData("null", false)]
    public void a_configured_list_replaces_the_loopback_default(string origin, bool allowed)
    {
        var origins = AllowedOrigins.From(Configured("https://promptmark.example.com", "http://tools.example.com:*"));
        origins.Allows(origin, OwnRequest).ShouldBe(allowed);
    }

    [Fact]
    public void only_exact_origins_count_as_the_app_itself()
    {
        var origins = AllowedOrigins.From(Configured("https://promptmark.example.com", "http://tools.example.com:*"));
        origins.IsOwn("https://promptmark.example.com", OwnRequest).ShouldBeTrue();
        origins.IsOwn("http://promptmark.internal:8080", OwnRequest).ShouldBeTrue();
        origins.IsOwn("http://tools.example.com:1234", OwnRequest).ShouldBeFalse();
        AllowedOrigins.From(Configured()).IsOwn("http://localhost:3000", Request("http", "localhost:5080")).ShouldBeFalse();
    }

    [Fact]
    public void a_configured_origin_host_may_reach_a_loopback_address()
    {
        var origins = AllowedOrigins.From(Configured("https://promptmark.example.com"));
        origins.AllowsLoopbackHost(new HostString("promptmark.example.com")).ShouldBeTrue();
        origins.AllowsLoopbackHost(new HostString("localhost", 5080)).ShouldBeTrue();
        origins.AllowsLoopbackHost(new HostString("evil.example.com", 5080)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("promptmark.example.com")]
    [InlineData("https://promptmark.example.com/app")]
    [InlineData("ftp://promptmark.example.com")]
    public void a_setting_that_is_not_an_origin_fails_at_start_up(string pattern)
    {
        Should.Throw<InvalidOperationException>(() => AllowedOrigins.From(Configured(pattern)))
            .Message.ShouldContain(AllowedOrigins.Setting);
    }

    private static IConfiguration Configured(params string[] origins) => new ConfigurationBuilder()
        .AddInMemoryCollection(origins.Select((origin, i) => KeyValuePair.Create($"{AllowedOrigins.Setting}:{i}", (string?)origin)))
        .Build();

    private static HttpRequest Request(string scheme, string host)
    {
        var http = new DefaultHttpContext();
        http.Request.Scheme = scheme;
        http.Request.Host = HostString.FromUriComponent(host);
        return http.Request;
    }
}
