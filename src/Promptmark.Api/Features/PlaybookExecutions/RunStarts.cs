using Promptmark.Api.Engines.Playbooks;
using Promptmark.Api.Engines.Playbooks.Execution;
using Promptmark.Api.Features.Playbooks;
using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Features.PlaybookExecutions;

/// <summary>
/// A new run of a playbook, not stored yet: what every door that starts one (execute_playbook, a trigger URL, the
/// playbook's own MCP tool) checks first. Send it as <see cref="Running.StartPlaybookRun"/>.
/// </summary>
public static class RunStarts
{
    /// <summary>The playbook's parsed definition; a 422 when its content does not parse.</summary>
    public static PlaybookDefinition DefinitionOf(Playbook playbook) =>
        PlaybookCache.Parse(playbook.Content).Definition
        ?? throw new UnprocessableException("The playbook does not parse: validate_playbook shows its errors.");

    /// <summary>The model asked for, else the playbook's default; a 422 when neither names one.</summary>
    public static string ModelFor(Playbook playbook, string? requested) =>
        requested ?? playbook.DefaultModelId
        ?? throw new UnprocessableException("No model to run with: give model_id (provider/model) or set the playbook's default_model_id.");

    public static PlaybookExecution New(Playbook playbook, string model, Dictionary<string, string> inputValues, List<int> breakpoints, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), PlaybookId = playbook.Id, PlaybookTitle = playbook.Title, Content = playbook.Content, ModelId = model,
        Run = new RunState { InputValues = inputValues, Breakpoints = breakpoints },
        CreatedAt = now, UpdatedAt = now,
    };
}
