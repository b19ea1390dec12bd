namespace Promptmark.Api.Features.Auth;

/// <summary>An account. Not tenant-scoped: it is the tenant. Emails are stored lower-cased and unique.</summary>
public sealed class User
{
    public Guid Id { get; set; }
    public required string Email { get; set; }
    public required string PasswordHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();
}

public sealed record UserView(Guid Id, string Email, DateTimeOffset CreatedAt)
{
    public static UserView Of(User user) => new(user.Id, user.Email, user.CreatedAt);
}
