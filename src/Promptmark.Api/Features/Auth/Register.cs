using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using Marten;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Auth;

[Description("Create an account with an email and a password of at least 10 characters.")]
public sealed record Register : PrivateInput, ISlice<UserView>, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/auth/register").Created().AllowAnonymous().MayAnswer(409, 429)
        .RateLimited(RegistrationLimit.Policy)
        .Described("Create an account (409 when the email is taken, 429 after 20 from one address in an hour)");

    [Required, Description("Email address, used to sign in")]
    public string Email { get; init; } = "";

    [Required, Description("Password, at least 10 characters")]
    public string Password { get; init; } = "";

    public const int MinimumPasswordLength = 10;

    public void Validate(InputErrors errors)
    {
        errors.When(Email.Length > 0 && !IsEmail(Email), "email", "is not a valid email address");
        errors.When(Password.Length is > 0 and < MinimumPasswordLength, "password", $"must be at least {MinimumPasswordLength} characters");
        errors.When(Password.Length > 1024, "password", "must be at most 1024 characters");
    }

    private static bool IsEmail(string email) =>
        email.Length <= 254 && MailAddress.TryCreate(email.Trim(), out var parsed) && parsed.Address == email.Trim() && parsed.Host.Contains('.');
}

public static class RegisterHandler
{
    public static async Task<UserView> Handle(Register command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var email = User.NormalizeEmail(command.Email);
        if (await session.Query<User>().AnyAsync(u => u.Email == email, ct))
            throw new ConflictException("an account with this email already exists");
        var user = new User { Id = Guid.CreateVersion7(), Email = email, PasswordHash = PasswordHasher.Hash(command.Password), CreatedAt = clock.GetUtcNow() };
        session.Store(user);
        return UserView.Of(user);
    }
}
