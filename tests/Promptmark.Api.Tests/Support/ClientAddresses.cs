using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;

namespace Promptmark.Api.Tests.Support;

/// <summary>
/// Every test request comes in through TestServer with no peer address, which the forwarded-headers middleware treats
/// as a trusted hop, so <c>X-Forwarded-For</c> sets the client address. Tests that sign in or register give
/// themselves a client of their own here, so no test can use up another test's sign-in or registration allowance.
/// </summary>
public static class ClientAddresses
{
    public const string Header = "X-Forwarded-For";

    /// <summary>A fresh address in its own /64 of the IPv6 documentation range (the throttles count a /64 as one client).</summary>
    public static string New()
    {
        var bytes = new byte[16];
        bytes[0] = 0x20;
        bytes[1] = 0x01;
        bytes[2] = 0x0d;
        bytes[3] = 0xb8;
        RandomNumberGenerator.Fill(bytes.AsSpan(4, 4));
        bytes[15] = 1;
        return new IPAddress(bytes).ToString();
    }

    /// <summary>An HTTP client on the test server whose requests all come from <paramref name="address"/>.</summary>
    public static HttpClient ClientFrom(this PromptmarkApp app, string address)
    {
        var http = app.Host.Server.CreateClient();
        http.DefaultRequestHeaders.Add(Header, address);
        return http;
    }

    /// <summary>One sign-in attempt.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient http, string email, string password) =>
        await http.PostAsJsonAsync("/api/auth/login", new { email, password });
}
