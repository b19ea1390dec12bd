using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Promptmark.Api.Features.Connections.Schemas;

/// <summary>The <c>format</c> keyword for the formats MCP tools commonly publish; other formats are no constraint.</summary>
internal static partial class StringFormats
{
    /// <summary>What is wrong with <paramref name="value"/> for <paramref name="format"/>, or null.</summary>
    public static string? Problem(string format, string value) => format switch
    {
        "date-time" when !IsDateTime(value) => "must be a date-time (RFC 3339, e.g. 2025-01-31T09:30:00Z)",
        "date" when !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) =>
            "must be a date (YYYY-MM-DD)",
        "email" when !IsEmail(value) => "must be an email address",
        "uri" when !IsAbsoluteUri(value) => "must be an absolute URI",
        "uuid" when !Guid.TryParseExact(value, "D", out _) => "must be a UUID",
        _ => null,
    };

    private static bool IsDateTime(string value) =>
        DateTimeShape().IsMatch(value)
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    // MailAddress also accepts "Name <a@b.c>"; a format: email value is the bare address only.
    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value;

    // On Unix, Uri takes "/path" for an absolute file URI; a URI here must start with its scheme.
    private static bool IsAbsoluteUri(string value) =>
        UriScheme().IsMatch(value) && Uri.TryCreate(value, UriKind.Absolute, out _);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex DateTimeShape();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex UriScheme();
}
