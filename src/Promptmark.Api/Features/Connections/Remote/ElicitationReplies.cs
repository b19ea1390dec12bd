using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Promptmark.Api.Features.Connections.Schemas;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Connections.Remote;

/// <summary>What every door that lets a person answer a remote tool's question (MCP elicitation) checks alike.</summary>
public static class ElicitationReplies
{
    public const string Accept = "accept", Decline = "decline", Cancel = "cancel";

    /// <summary>
    /// The flat form the question asks for, or null when it is not one: only forms are offered, a URL to open would need
    /// the egress rules and a card of its own, so such a question is declined.
    /// </summary>
    public static JsonElement? FormOf(ElicitRequestParams request) =>
        request.Mode is "url" || request.RequestedSchema is null
            ? null
            : JsonSerializer.SerializeToElement(request.RequestedSchema, McpJsonUtilities.DefaultOptions);

    /// <summary>The shape of an answer: a known action, content (a JSON object) with accept and only with it.</summary>
    public static void Validate(string action, JsonElement? content, InputErrors errors)
    {
        errors.When(action is not (Accept or Decline or Cancel), "action", $"must be {Accept}, {Decline} or {Cancel}");
        var given = content is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) };
        errors.When(action == Accept && !given, "content", "is required with accept");
        errors.When(given && content!.Value.ValueKind != JsonValueKind.Object, "content", "must be a JSON object");
        errors.When(given && action != Accept, "content", "is sent only with accept");
    }

    /// <summary>The answer to send back, its accepted content checked against the requested schema (422 names what does not fit).</summary>
    public static ElicitationAnswer Checked(string action, JsonElement? content, JsonElement requestedSchema, CancellationToken ct)
    {
        if (action != Accept) return new ElicitationAnswer(action, null);
        var check = ToolArguments.Validate(requestedSchema, content!.Value, ct);
        if (!check.Valid)
            throw new UnprocessableException($"the content does not fit the requested schema: {string.Join("; ", check.Problems)}",
                new Dictionary<string, object?> { ["errors"] = check.Problems });
        return new ElicitationAnswer(action, content.Value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()));
    }
}

/// <summary>The body of every door that answers a remote tool's question: which question, and the answer.</summary>
public abstract record ElicitationReply : PrivateInput, IValidated
{
    [Required, Description("The elicitation_id of the question (a conversation's awaiting_input, a tool stream's elicitation event)")]
    public string ElicitationId { get; init; } = "";

    [Required, Description("accept, decline or cancel")]
    public string Action { get; init; } = "";

    [Description("With accept: the form's values, a JSON object matching the requested schema")]
    public JsonElement? Content { get; init; }

    public void Validate(InputErrors errors) => ElicitationReplies.Validate(Action, Content, errors);
}
