using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Promptmark.Api.Infrastructure.Hosting;

namespace Promptmark.Api.Infrastructure.Auth;

/// <summary>
/// Issues and validates the session JWTs (HS256, 24 h), each naming its session in <c>jti</c> (see
/// <see cref="UserSessions"/>, which also checks that the session has not been ended). The signing key comes from <c>Promptmark:Auth:SigningKey</c>
/// (base64, at least 32 bytes) or, when none is configured, from a key generated once under the data directory.
/// </summary>
/// <remarks>
/// A token found genuine is remembered by its exact text until it expires (at most <see cref="RememberedTokens"/>, each
/// forgotten after <see cref="RememberedFor"/> unused): checking the signature and reading the claims again was about a
/// tenth of the server's processor time on a read. Remembering a genuine token changes no answer: the key signs for the
/// life of the process, the expiry is checked on every request, and whether the session was ended is
/// <see cref="UserSessions"/>' question, asked each time.
/// </remarks>
public sealed class TokenIssuer
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    private const string Issuer = "promptmark";
    private readonly SymmetricSecurityKey _key;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly TimeProvider _clock;
    private const int RememberedTokens = 10_000;
    private static readonly TimeSpan RememberedFor = TimeSpan.FromMinutes(10);
    private readonly MemoryCache _genuine = new(new MemoryCacheOptions { SizeLimit = RememberedTokens });

    private sealed record GenuineToken(Guid UserId, Guid SessionId, string Email, DateTimeOffset ExpiresAt);

    public TokenIssuer(IConfiguration configuration, DataDirectory data, TimeProvider clock)
    {
        var configured = configuration["Promptmark:Auth:SigningKey"];
        var key = configured is null ? data.GetOrCreateSecret("signing.key", 64, "token signing key") : Convert.FromBase64String(configured);
        if (key.Length < 32) throw new InvalidOperationException("Promptmark:Auth:SigningKey must be at least 32 bytes (base64).");
        _key = new SymmetricSecurityKey(key);
        _clock = clock;
    }

    public (string Token, DateTimeOffset ExpiresAt) Issue(Guid sessionId, Guid userId, string email)
    {
        var now = _clock.GetUtcNow();
        var expires = now + Lifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                [CallerClaims.SessionId] = sessionId.ToString(),
                [CallerClaims.UserId] = userId.ToString(),
                [CallerClaims.Email] = email,
            },
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }

    public async Task<ClaimsPrincipal?> ValidateAsync(string token)
    {
        if (!_genuine.TryGetValue(token, out GenuineToken? genuine))
        {
            genuine = await CheckAsync(token);
            if (genuine is null) return null;
            _genuine.Set(token, genuine, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = genuine.ExpiresAt, SlidingExpiration = RememberedFor });
        }
        return genuine!.ExpiresAt > _clock.GetUtcNow() ? CallerClaims.For(genuine.UserId, genuine.Email, "jwt", genuine.SessionId) : null;
    }

    private async Task<GenuineToken?> CheckAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Issuer,
            IssuerSigningKey = _key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
            LifetimeValidator = (notBefore, expires, _, _) => expires > _clock.GetUtcNow().UtcDateTime,
        });
        if (!result.IsValid || !Guid.TryParse(result.ClaimsIdentity.FindFirst(CallerClaims.UserId)?.Value, out var userId)
            || !Guid.TryParse(result.ClaimsIdentity.FindFirst(CallerClaims.SessionId)?.Value, out var sessionId)) return null;
        return new GenuineToken(userId, sessionId, result.ClaimsIdentity.FindFirst(CallerClaims.Email)?.Value ?? "",
            new DateTimeOffset(result.SecurityToken.ValidTo, TimeSpan.Zero));
    }
}
