namespace Promptmark.Api.Engines.Egress;

/// <summary>
/// Every reason an outbound connection is refused. None of them carries the URL, host or any resolved address, so a
/// refusal never tells the caller what lives behind an address.
/// </summary>
public static class EgressRefusals
{
    public const string AddressNotAllowed =
        "The address is not allowed: connections may only go to public internet hosts (an operator can allow a host with Promptmark:Connections:AllowedHosts).";

    public const string NotAnAbsoluteUrl = "The URL is not a valid absolute http or https URL.";

    public const string UnsupportedScheme = "Only http and https URLs are supported.";

    public const string HttpsRequired =
        "The URL must use https (an operator can allow a plain-http host with Promptmark:Connections:AllowedHosts).";

    public const string CredentialsInUrl =
        "The URL must not contain a user name or password; give credentials to the connection instead.";

    public const string RedirectDowngrade = "The server redirected from https to http, which is not allowed.";

    public const string RedirectWithoutLocation = "The server sent a redirect without saying where to.";

    public const string TooManyRedirects = "The server redirected too many times.";
}
