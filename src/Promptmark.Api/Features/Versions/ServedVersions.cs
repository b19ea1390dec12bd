using Marten;
using Promptmark.Api.Features.Prompts;

namespace Promptmark.Api.Features.Versions;

/// <summary>The versions area's surface for whoever serves prompts to clients: the text that is approved for them.</summary>
public static class ServedVersions
{
    /// <summary>
    /// The content to serve for each prompt: the version labelled <see cref="LabelNames.Production"/> when there is one,
    /// otherwise the current state. One query, whatever the number of prompts.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> ServedContentAsync(
        this IQuerySession session, IReadOnlyCollection<Prompt> prompts, CancellationToken ct)
    {
        var pinned = prompts
            .Where(p => p.Labels.TryGetValue(LabelNames.Production, out var number) && number != p.Version)
            .ToDictionary(p => p.Id, p => p.Labels[LabelNames.Production]);
        var ids = pinned.Keys.ToArray();
        var versions = ids.Length == 0 ? []
            : await session.Query<PromptVersion>().Where(v => ids.Contains(v.PromptId)).ToListAsync(ct);
        var approved = versions.Where(v => pinned[v.PromptId] == v.Number).ToDictionary(v => v.PromptId, v => v.Content);
        return prompts.ToDictionary(p => p.Id, p => approved.GetValueOrDefault(p.Id) ?? p.Content);
    }
}
