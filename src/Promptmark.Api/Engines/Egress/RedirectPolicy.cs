using System.Net;

namespace Promptmark.Api.Engines.Egress;

/// <summary>
/// Follows redirects by hand for one request chain: every Location is re-checked with the URL policy. Create one per
/// logical request, because it counts hops.
/// </summary>
public sealed class RedirectPolicy(ConnectionUrlPolicy urlPolicy)
{
    public const int MaxHops = 5;

    private int hops;

    public RedirectStep Next(Uri current, HttpResponseMessage response)
    {
        if (!IsRedirectStatus(response.StatusCode))
            return RedirectStep.NotARedirect;

        if (++hops > MaxHops)
            return RedirectStep.Refused(EgressRefusals.TooManyRedirects);

        var location = response.Headers.Location;
        if (location is null)
            return RedirectStep.Refused(EgressRefusals.RedirectWithoutLocation);

        var target = location.IsAbsoluteUri ? location : new Uri(current, location);
        if (current.Scheme == Uri.UriSchemeHttps && target.Scheme == Uri.UriSchemeHttp)
            return RedirectStep.Refused(EgressRefusals.RedirectDowngrade);

        var check = urlPolicy.Check(location.IsAbsoluteUri ? location.OriginalString : target.AbsoluteUri);
        if (!check.IsAllowed)
            return RedirectStep.Refused(check.Refusal);

        var originChanged = Uri.Compare(current, check.Url, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0;
        return RedirectStep.Follow(check.Url, originChanged);
    }

    private static bool IsRedirectStatus(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
