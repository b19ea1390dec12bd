using Marten;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Promptmark.Api.Infrastructure.Mcp;

namespace Promptmark.Api.Features.Skills;

/// <summary>
/// Each of the user's non-draft skills as an MCP resource <c>skill://{name}</c> holding its SKILL.md; the template
/// <c>skill://{name}</c> completes <c>name</c> from the caller's own skill names.
/// </summary>
public static class SkillResources
{
    public const string Scheme = "skill://";
    public const string Template = Scheme + "{name}";
    private const string MimeType = "text/markdown";

    public static ValueTask<ListResourceTemplatesResult> ListTemplatesAsync(RequestContext<ListResourceTemplatesRequestParams> request, CancellationToken ct) =>
        ValueTask.FromResult(new ListResourceTemplatesResult
        {
            ResourceTemplates =
            [
                new ResourceTemplate { UriTemplate = Template, Name = "skill", Title = "Skill", Description = "One of your skills' SKILL.md, by name.", MimeType = MimeType },
            ],
        });

    /// <summary>The caller's non-draft skill names that start with what was typed for <c>name</c> in <c>skill://{name}</c>.</summary>
    public static async ValueTask<CompleteResult> CompleteAsync(RequestContext<CompleteRequestParams> request, CancellationToken ct)
    {
        if (request.Params is not { Ref: ResourceTemplateReference { Uri: Template }, Argument.Name: "name" } complete) return Completions.None;
        await using var session = request.OpenCallerSession();
        var names = await session.Query<Skill>().Where(s => !s.IsDraft).OrderBy(s => s.Name).Select(s => s.Name).ToListAsync(ct);
        return Completions.Matching(names, complete.Argument.Value);
    }

    public static async ValueTask<ListResourcesResult> ListAsync(RequestContext<ListResourcesRequestParams> request, CancellationToken ct)
    {
        await using var session = request.OpenCallerSession();
        var skills = await session.Query<Skill>().Where(s => !s.IsDraft).OrderBy(s => s.Name).ToListAsync(ct);
        return new ListResourcesResult
        {
            Resources = skills.Select(s => new Resource
            {
                Uri = Scheme + s.Name, Name = s.Name, Title = s.Title, Description = s.Description, MimeType = MimeType,
            }).ToList(),
        };
    }

    public static async ValueTask<ReadResourceResult> ReadAsync(RequestContext<ReadResourceRequestParams> request, CancellationToken ct)
    {
        var uri = request.Params?.Uri ?? "";
        var name = uri.StartsWith(Scheme, StringComparison.Ordinal) ? uri[Scheme.Length..] : null;
        await using var session = request.OpenCallerSession();
        // No skill name holds NUL, and PostgreSQL refuses to compare one: such a URI is simply not found.
        var skill = name is null || name.Contains('\0') ? null : await session.Query<Skill>().FirstOrDefaultAsync(s => s.Name == name && !s.IsDraft, ct);
        if (skill is null) throw new McpProtocolException($"resource '{uri}' not found", McpErrorCode.ResourceNotFound);
        return new ReadResourceResult { Contents = [new TextResourceContents { Uri = uri, MimeType = MimeType, Text = skill.Content }] };
    }

}
