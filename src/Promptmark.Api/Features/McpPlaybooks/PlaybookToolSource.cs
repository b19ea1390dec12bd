using System.Text.Json.Nodes;
using Marten;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Promptmark.Api.Engines.Playbooks;
using Promptmark.Api.Features.PlaybookExecutions;
using Promptmark.Api.Features.Playbooks;
using Promptmark.Api.Infrastructure.Mcp;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.McpPlaybooks;

/// <summary>
/// The playbooks the user exposed as tools (<see cref="ExposePlaybookAsToolHandler"/>), one of the <see cref="UserTools"/>:
/// each tool's input schema is its <c>## INPUTS</c>, and a call runs the playbook with its default model (<see cref="PlaybookToolCall"/>).
/// </summary>
public sealed class PlaybookToolSource : IUserToolSource
{
    /// <summary>The <c>_meta</c> key every playbook tool carries (its playbook's id).</summary>
    public const string PlaybookIdMeta = "promptmark/playbook_id";

    private static readonly System.Text.Json.JsonElement AnswerSchema = OutputSchema.For(typeof(ExecutionView));

    public async Task<IReadOnlyList<Tool>> ListAsync(IQuerySession session, CancellationToken ct) =>
        (await ExposedAsync(session, ct)).Select(Describe).ToList();

    public async Task<CallToolResult?> CallAsync(string name, RequestContext<CallToolRequestParams> request, IDocumentSession session, CancellationToken ct) =>
        (await ExposedAsync(session, ct)).FirstOrDefault(p => p.ToolName == name) is { } playbook
            ? await PlaybookToolCall.CallAsync(playbook, request, session, ct)
            : null;

    public async Task<IReadOnlyList<string>> NamesAsync(IQuerySession session, CancellationToken ct) =>
        await session.Query<Playbook>().Where(p => p.ToolName != null).Select(p => p.ToolName!).ToListAsync(ct);

    private static async Task<IReadOnlyList<Playbook>> ExposedAsync(IQuerySession session, CancellationToken ct) =>
        await session.Query<Playbook>().Where(p => p.ExposedAsTool && p.ToolName != null).OrderBy(p => p.ToolName).ToListAsync(ct);

    private static Tool Describe(Playbook playbook) => new()
    {
        Name = playbook.ToolName!,
        Title = playbook.Title,
        Description = Description(playbook),
        InputSchema = ToolInputSchema.For(InputsOf(PlaybookCache.Parse(playbook.Content).Definition?.Inputs ?? [])),
        OutputSchema = AnswerSchema,
        // A run calls models (and maybe remote tools) and records what they cost.
        Annotations = new ToolHints(ReadOnly: false, Destructive: false, Idempotent: false) { OpenWorld = true }.Annotations(playbook.Title),
        Meta = new JsonObject { [PlaybookIdMeta] = playbook.Id.ToString() },
    };

    /// <summary>An input with a default is optional; an enum's options are its <c>enum</c>.</summary>
    public static IReadOnlyList<ToolInput> InputsOf(IReadOnlyList<PlaybookInput> inputs) => inputs.Select(i => new ToolInput(
        i.Name,
        i.Type is "number" or "boolean" ? i.Type : "string",
        i.Type == "text" ? $"{i.Description} (multi-line text)" : i.Description,
        i.Options ?? [],
        i.Default,
        i.Required && i.Default is null)).ToList();

    private static string Description(Playbook playbook)
    {
        var what = string.IsNullOrWhiteSpace(playbook.Description) ? $"Your playbook \"{playbook.Title}\"."
            : playbook.Description.Length <= 300 ? playbook.Description : playbook.Description[..299] + "…";
        return what + (playbook.ToolMode == PlaybookToolModes.Inbound
            ? " Starts a run with its default model and answers the execution id at once: follow it with get_playbook_execution."
            : " Runs it with its default model and answers its outputs and artifact; a run that takes longer, pauses or asks for input answers its execution id and status.");
    }
}
