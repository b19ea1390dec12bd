using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Promptmark.Api.Features.Connections.Tools;
using Promptmark.Api.Features.Conversations.Tools;
using Promptmark.Api.Features.Scans;

namespace Promptmark.Api.Features.Conversations.Turns;

/// <summary>A tool as the model is offered it: an attached MCP tool with its cached schema, or the server's own load_skill.</summary>
public sealed record OfferedTool(string Name, AttachedTool? Attached, AIFunctionDeclaration Declaration)
{
    public bool IsLoadSkill => Attached is null;
}

/// <summary>
/// The tools a conversation's model is offered, by the name it is offered under. Names are made fit for every provider
/// (letters, digits, _ and -, at most 64) and unique, in the order the tools were attached; native tools are not offered here.
/// </summary>
public sealed partial class OfferedTools
{
    public const string LoadSkill = "load_skill";

    private const string WithheldDescription = "(description withheld: the content scan found possible prompt injection in it)";

    private static readonly JsonElement LoadSkillSchema = JsonDocument.Parse(
        """{"type":"object","properties":{"name":{"type":"string","description":"The skill's name as the catalog lists it"}},"required":["name"]}""").RootElement.Clone();

    private readonly List<OfferedTool> _tools = [];

    public IReadOnlyList<OfferedTool> All => _tools;

    /// <summary>The connections whose cached tools <see cref="For"/> needs.</summary>
    public static Guid[] ConnectionsOf(Conversation conversation) =>
        conversation.Tools.Where(t => !t.IsNative).Select(t => t.ConnectionId!.Value).Distinct().ToArray();

    /// <param name="cached">The cached tools of <see cref="ConnectionsOf"/>'s connections.</param>
    public static OfferedTools For(Conversation conversation, IReadOnlyList<McpTool> cached, bool offerSkills)
    {
        var offered = new OfferedTools();
        if (offerSkills)
            offered.Add(LoadSkill, null, AIFunctionFactory.CreateDeclaration(LoadSkill,
                "Read the full SKILL.md of one of the user's skills listed in the system prompt's catalog", LoadSkillSchema));
        foreach (var tool in conversation.Tools.Where(t => !t.IsNative))
        {
            // A tool the server no longer offers (after a refresh) stays attached but cannot be called.
            if (cached.FirstOrDefault(c => c.ConnectionId == tool.ConnectionId && c.Name == tool.ToolName) is not { } remote) continue;
            var name = offered.UniqueName(tool.ToolName);
            offered.Add(name, tool, AIFunctionFactory.CreateDeclaration(name, DescriptionFor(tool, remote), remote.Schema()));
        }
        return offered;
    }

    public OfferedTool? Named(string name) => _tools.FirstOrDefault(t => t.Name == name);

    public IList<AITool> Declarations() => _tools.Select(t => (AITool)t.Declaration).ToList();

    private void Add(string name, AttachedTool? attached, AIFunctionDeclaration declaration) => _tools.Add(new OfferedTool(name, attached, declaration));

    private static string DescriptionFor(AttachedTool tool, McpTool remote) =>
        tool.DescriptionFindings.Any(f => f.Category == ScanCategories.Injection) ? WithheldDescription : remote.Description ?? remote.Title ?? "";

    private string UniqueName(string toolName)
    {
        var fit = NotAllowed().Replace(toolName, "_");
        var stem = fit.Length is > 0 and <= 60 ? fit : (fit.Length == 0 ? "tool" : fit[..60]);
        var name = stem;
        for (var n = 2; Named(name) is not null; n++) name = $"{stem}_{n}";
        return name;
    }

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex NotAllowed();
}
