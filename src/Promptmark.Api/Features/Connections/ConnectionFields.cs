using System.Globalization;
using Promptmark.Api.Engines.Egress;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Connections;

/// <summary>The rules shared by create and update for a connection's display fields, URL and token expiry.</summary>
public static class ConnectionFields
{
    public const int MaxName = 100;
    public const int MaxDescription = 1000;

    public static void ValidateDisplay(string? name, string? description, InputErrors errors)
    {
        errors.When(name is not null && string.IsNullOrWhiteSpace(name), "name", "must not be empty");
        errors.When(name?.Trim().Length > MaxName, "name", $"must be at most {MaxName} characters");
        errors.When(description?.Length > MaxDescription, "description", $"must be at most {MaxDescription} characters");
    }

    public static void ValidateAuthType(string? authType, InputErrors errors) =>
        errors.When(authType is not null && !ConnectionAuthTypes.IsKnown(ConnectionAuthTypes.Normalize(authType)), "auth_type",
            $"must be one of {string.Join(", ", ConnectionAuthTypes.All)}");

    /// <summary>ISO 8601 date or date-time; an empty string means "no expiry".</summary>
    public static void ValidateExpiry(string? tokenExpiresAt, InputErrors errors) =>
        errors.When(!string.IsNullOrEmpty(tokenExpiresAt) && !DateTimeOffset.TryParse(tokenExpiresAt, CultureInfo.InvariantCulture, out _), "token_expires_at",
            "must be an ISO 8601 date or date-time, e.g. 2026-12-31T00:00:00Z");

    public static DateTimeOffset? ParseExpiry(string tokenExpiresAt) =>
        tokenExpiresAt.Length == 0 ? null : DateTimeOffset.Parse(tokenExpiresAt, CultureInfo.InvariantCulture).ToUniversalTime();

    /// <summary>The URL as it will be dialled, or a 400 that says why it is not allowed (never what is behind it).</summary>
    public static string CheckedUrl(ConnectionUrlPolicy policy, string url)
    {
        var check = policy.Check(url.Trim());
        return check.IsAllowed ? check.Url.AbsoluteUri : throw new InvalidInputException("server_url", check.Refusal);
    }
}
