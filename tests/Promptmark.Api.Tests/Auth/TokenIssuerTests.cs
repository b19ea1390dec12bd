using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Hosting;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Auth;

/// <summary>A session token found genuine is remembered; remembering it must not change what is accepted.</summary>
public sealed class TokenIssuerTests
{
    private readonly ManualClock _clock = new();
    private readonly TokenIssuer _issuer;

    public TokenIssuerTests()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Promptmark:Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) })
            .Build();
        _issuer = new TokenIssuer(configuration, new DataDirectory(Path.GetTempPath(), NullLogger.Instance), _clock);
    }

    [Fact]
    public async Task a_remembered_token_is_refused_once_it_expires()
    {
        var userId = Guid.NewGuid();
        var (token, _) = _issuer.Issue(Guid.NewGuid(), userId, "a@example.com");
        (await _issuer.ValidateAsync(token))!.FindUserId().ShouldBe(userId);
        (await _issuer.ValidateAsync(token))!.FindUserId().ShouldBe(userId);

        _clock.Advance(TokenIssuer.Lifetime + TimeSpan.FromSeconds(1));
        (await _issuer.ValidateAsync(token)).ShouldBeNull();
    }

    [Fact]
    public async Task a_token_altered_after_the_genuine_one_was_remembered_is_refused()
    {
        var (token, _) = _issuer.Issue(Guid.NewGuid(), Guid.NewGuid(), "a@example.com");
        (await _issuer.ValidateAsync(token)).ShouldNotBeNull();

        var signature = token.LastIndexOf('.') + 5;
        var altered = token[..signature] + (token[signature] == 'A' ? 'B' : 'A') + token[(signature + 1)..];
        (await _issuer.ValidateAsync(altered)).ShouldBeNull();
    }
}
