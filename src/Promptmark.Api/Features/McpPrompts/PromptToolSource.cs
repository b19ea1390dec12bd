using Marten;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Promptmark.Api.Infrastructure.Mcp;
using LibraryPrompt = Promptmark.Api.Features.Prompts.Prompt;

namespace Promptmark.Api.Features.McpPrompts;

/// <summary>The user's prompts as tools of their own: listed by <see cref="PromptToolList"/>, run by <see cref="PromptToolCall"/>.</summary>
public sealed class PromptToolSource : IUserToolSource
{
    public Task<IReadOnlyList<Tool>> ListAsync(IQuerySession session, CancellationToken ct) => PromptToolList.ListAsync(session, ct);

    public async Task<CallToolResult?> CallAsync(string name, RequestContext<CallToolRequestParams> request, IDocumentSession session, CancellationToken ct) =>
        (await PromptToolList.ExposedAsync(session, ct)).FirstOrDefault(p => p.ToolName == name) is { } prompt
            ? await PromptToolCall.CallAsync(prompt, request, session, ct)
            : null;

    public async Task<IReadOnlyList<string>> NamesAsync(IQuerySession session, CancellationToken ct) =>
        await session.Query<LibraryPrompt>().Where(p => p.ToolName != null).Select(p => p.ToolName!).ToListAsync(ct);
}
