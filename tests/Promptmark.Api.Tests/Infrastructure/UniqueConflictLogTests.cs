using Marten;
using Microsoft.Extensions.DependencyInjection;
using Promptmark.Api.Features.Auth;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Infrastructure;

/// <summary>
/// A unique index refusing a write (two requests racing for one name or email) is answered 409, so it is not an error
/// in the operator's log, where the hostile-input battery and the operator's alerts look for real faults.
/// </summary>
public sealed class UniqueConflictLogTests(PromptmarkApp app)
{
    [Fact]
    public async Task a_write_refused_by_a_unique_index_is_a_conflict_and_not_an_error_in_the_log()
    {
        var email = $"race-{Guid.NewGuid():N}@example.test";
        var store = app.Host.Services.GetRequiredService<IDocumentStore>();
        await using (var first = store.LightweightSession())
        {
            first.Store(new User { Id = Guid.NewGuid(), Email = email, PasswordHash = "x" });
            await first.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var second = store.LightweightSession();
        second.Store(new User { Id = Guid.NewGuid(), Email = email, PasswordHash = "x" });
        var refused = await Should.ThrowAsync<Exception>(() => second.SaveChangesAsync(TestContext.Current.CancellationToken));

        ProblemResponses.Unwrap(refused).ShouldBeOfType<ConflictException>();
        app.Logs.Lines.Where(l => l.StartsWith("Error ") && l.Contains("uidx_email", StringComparison.Ordinal)).ShouldBeEmpty();
    }
}
