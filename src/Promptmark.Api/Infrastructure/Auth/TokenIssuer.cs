using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Promptmark.Api.Infrastructure.Hosting;

namespace Promptmark.Api.Infrastructure.Auth;

/// <summary>
/// Issues and validates the session JWTs (HS256, 24 h), each naming its session in <c>jti</c> (see
/// <see cref="UserSessions"/>, which also checks that the session has not been ended). The signing key comes from <c>Promptmark:Auth:SigningKey</c>
/// (base64, at least 32 bytes) or, when none is configured, from a key generated once under the data directory.
/// </summary>
public sealed class TokenIssuer
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    private const string Issuer = "promptmark";
    private readonly SymmetricSecurityKey _key;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly TimeProvider _clock;

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
        return CallerClaims.For(userId, result.ClaimsIdentity.FindFirst(CallerClaims.Email)?.Value ?? "", "jwt", sessionId);
    }
}
