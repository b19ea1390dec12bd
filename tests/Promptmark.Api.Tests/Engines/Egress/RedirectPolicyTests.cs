using System.Net;
using Promptmark.Api.Engines.Egress;

namespace Promptmark.Api.Tests.Engines.Egress;

public sealed class RedirectPolicyTests
{
    private static readonly Uri Current = new("https://mcp.example.com/mcp");

    private readonly RedirectPolicy policy = new(new ConnectionUrlPolicy(new EgressOptions
    {
        AllowedHosts = ["127.0.0.1:3101"],
    }));

    private static HttpResponseMessage Redirect(string? location, HttpStatusCode status = HttpStatusCode.Found)
    {
        var response = new HttpResponseMessage(status);
        if (location is not null)
            response.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
        return response;
    }

    [Fact]
    public void A_relative_location_stays_on_the_same_origin()
    {
        var step = policy.Next(Current, Redirect("/v2/mcp"));

        step.ShouldFollow.ShouldBeTrue();
        step.Target.ShouldBe(new Uri("https://mcp.example.com/v2/mcp"));
        step.OriginChanged.ShouldBeFalse();
    }

    [Theory]
    [InlineData("https://other.example.com/mcp")]
    [InlineData("https://mcp.example.com:8443/mcp")]
    [InlineData("//other.example.com/mcp")]
    public void A_new_host_or_port_is_flagged_so_credentials_are_dropped(string location)
    {
        var step = policy.Next(Current, Redirect(location, HttpStatusCode.TemporaryRedirect));

        step.ShouldFollow.ShouldBeTrue();
        step.OriginChanged.ShouldBeTrue();
    }

    [Theory]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://127.0.0.1/")]
    [InlineData("https://0x7f.1/")]
    [InlineData("https://[::ffff:10.0.0.1]/")]
    [InlineData("https://localhost/")]
    [InlineData("//metadata.google.internal/")]
    [InlineData("https://user:pass@other.example.com/")]
    [InlineData("file:///etc/passwd")]
    public void A_private_or_hostile_location_is_refused(string location)
    {
        var step = policy.Next(Current, Redirect(location));

        step.ShouldFollow.ShouldBeFalse();
        step.Refusal.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("http://mcp.example.com/mcp")]
    [InlineData("http://127.0.0.1:3101/mcp")]
    public void A_downgrade_from_https_to_http_is_refused_even_for_allowlisted_hosts(string location) =>
        policy.Next(Current, Redirect(location)).Refusal.ShouldBe(EgressRefusals.RedirectDowngrade);

    [Fact]
    public void An_allowlisted_http_host_may_redirect_within_itself()
    {
        var step = policy.Next(new Uri("http://127.0.0.1:3101/mcp"), Redirect("/mcp/"));

        step.ShouldFollow.ShouldBeTrue();
        step.OriginChanged.ShouldBeFalse();
    }

    [Fact]
    public void A_redirect_without_location_is_refused() =>
        policy.Next(Current, Redirect(null)).Refusal.ShouldBe(EgressRefusals.RedirectWithoutLocation);

    [Fact]
    public void A_response_that_is_not_a_redirect_ends_the_chain() =>
        policy.Next(Current, new HttpResponseMessage(HttpStatusCode.OK)).ShouldBe(RedirectStep.NotARedirect);

    [Fact]
    public void At_most_five_hops_are_followed()
    {
        for (var hop = 1; hop <= RedirectPolicy.MaxHops; hop++)
            policy.Next(Current, Redirect($"/hop/{hop}")).ShouldFollow.ShouldBeTrue();

        policy.Next(Current, Redirect("/one-too-many")).Refusal.ShouldBe(EgressRefusals.TooManyRedirects);
    }
}
