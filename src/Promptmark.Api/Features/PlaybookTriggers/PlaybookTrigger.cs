using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Promptmark.Api.Features.PlaybookExecutions;
using Promptmark.Api.Features.PlaybookExecutions.Running;
using Promptmark.Api.Features.Playbooks;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Errors;
using Wolverine;

namespace Promptmark.Api.Features.PlaybookTriggers;

/// <summary>A run a trigger queued; follow it at the response's <c>Location</c> (get_playbook_execution).</summary>
public sealed record TriggeredRun(Guid ExecutionId, string Status);

/// <summary>
/// <c>POST /api/playbooks/{playbook_id}/trigger</c>: a webhook starts a run of one playbook. It is not a slice: it is
/// authenticated by the playbook's trigger token alone (<c>Authorization: Bearer pmt_…</c>, which GitHub Actions,
/// Zapier, n8n and curl can all send), never by a session or an API key, and acts as the playbook's owner. The token
/// travels in a header, not in the URL, so that no access log or proxy records it. The JSON body's fields are the
/// input values, checked against <c>## INPUTS</c> (422 naming each field, nothing queued); the run uses the playbook's
/// default model and is queued, not awaited: 202 with its id and a <c>Location</c>.
/// </summary>
public static class PlaybookTrigger
{
    public const string Route = "/api/playbooks/{playbook_id}/trigger";

    /// <summary>Bodies are input values, not documents.</summary>
    private const long MaxBody = 256 * 1024;

    public static string PathFor(Guid playbookId) => Route.Replace("{playbook_id}", playbookId.ToString());

    public static IEndpointRouteBuilder MapPlaybookTrigger(this IEndpointRouteBuilder app)
    {
        app.MapPost(Route, TriggerAsync).AllowAnonymous()
            .WithName("TriggerPlaybook").WithTags("PlaybookTriggers")
            .WithSummary("Start a run of the playbook with its trigger token")
            .WithDescription("Authenticated by the playbook's trigger token only: 'Authorization: Bearer pmt_…'. The JSON body's fields are the " +
                             "input values; the run uses the playbook's default model and is queued (202, Location: the execution).")
            .Accepts<Dictionary<string, JsonElement>>("application/json")
            .Produces<TriggeredRun>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    private static async Task<IResult> TriggerAsync(
        [FromRoute(Name = "playbook_id")] string playbookId, HttpContext http, IDocumentStore store, IMessageBus bus, TriggerRateLimit limit,
        TimeProvider clock, CancellationToken ct)
    {
        await using var lookup = store.QuerySession();
        var token = BearerOf(http.Request) is { } secret ? await TriggerTokens.FindAsync(lookup, secret, ct) : null;
        // A missing, unknown, rotated or revoked token, or one of another playbook: one answer, so none can be told apart.
        if (token is null || !Guid.TryParse(playbookId, out var id) || token.PlaybookId != id)
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: "Send this playbook's trigger token as 'Authorization: Bearer pmt_…'.");
        if (limit.Refusal(token.Hash) is { } wait)
            return TooManyRequests.Answer(http, wait, "This trigger token sent too many triggers: try again later.");

        var given = await InputValuesAsync(http, ct);
        var owner = token.OwnerId.ToString();
        await using var session = store.QuerySession(owner);
        var playbook = await session.LoadOwnedPlaybookAsync(id.ToString(), ct);
        var (values, problems) = RunValues.Check(RunStarts.DefinitionOf(playbook).Inputs, given);
        if (problems.Count > 0)
            throw new UnprocessableException("The body's fields do not fit the playbook's inputs: " + string.Join("; ", problems.Select(p => $"{p.Key} {p.Value}")),
                new Dictionary<string, object?> { ["errors"] = problems.ToDictionary(p => p.Key, p => new[] { p.Value }) });
        var execution = RunStarts.New(playbook, RunStarts.ModelFor(playbook, null), values, [], clock.GetUtcNow());
        await bus.InvokeForTenantAsync(owner, new StartPlaybookRun(execution), ct);
        return TypedResults.Accepted($"/api/playbook-executions/{execution.Id}", new TriggeredRun(execution.Id, "queued"));
    }

    private static string? BearerOf(HttpRequest request) =>
        request.Headers.Authorization.ToString() is var header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim() : null;

    /// <summary>The body as input values: nothing, or a JSON object (anything else is refused before a run is made).</summary>
    private static async Task<Dictionary<string, string>> InputValuesAsync(HttpContext http, CancellationToken ct)
    {
        var request = http.Request;
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any())) return [];
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            throw new UnsupportedBodyException();
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = MaxBody;
        JsonElement body;
        try
        {
            body = (await JsonDocument.ParseAsync(request.Body, cancellationToken: ct)).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new InvalidInputException("body", "must be a JSON object of input name to value, e.g. {\"topic\": \"tides\"}");
        }
        return RunValues.Read(body, "body");
    }
}

/// <summary>A trigger's body that is not JSON: a sender set up to post a form.</summary>
public sealed class UnsupportedBodyException() : SliceException("A trigger's body must be application/json (or empty).")
{
    public override int Status => StatusCodes.Status415UnsupportedMediaType;
    public override string Title => "Unsupported media type";
}
