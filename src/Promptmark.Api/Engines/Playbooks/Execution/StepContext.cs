using System.Text;

namespace Promptmark.Api.Engines.Playbooks.Execution;

/// <summary>
/// The system message of a step (spec/execution.md, "Context Accumulation"): the playbook's system prompt, then every
/// earlier step's output and every named output, so that a step sees what came before without asking for it.
/// Steps are not a conversation: each is one fresh call.
/// </summary>
public static class StepContext
{
    public static string System(string systemPrompt, RunState state, PlaybookStep step)
    {
        var text = new StringBuilder(systemPrompt.Trim());
        var earlier = state.Steps.Where(s => s.Status == RunStatus.Completed).ToList();
        if (earlier.Count > 0)
        {
            Section(text, "Outputs of the earlier steps of this playbook");
            foreach (var record in earlier) text.Append("\n### Step ").Append(record.Label).Append(": ").Append(record.Title).Append('\n').Append(record.Content).Append('\n');
        }
        var named = state.NamedOutputs.Where(n => !n.Key.StartsWith(Elicitations.ResponsePrefix, StringComparison.Ordinal)).ToList();
        if (named.Count > 0)
        {
            Section(text, "Named outputs");
            foreach (var (name, value) in named) text.Append("\n### ").Append(name).Append('\n').Append(value).Append('\n');
        }
        if (step.Elicitation is { } elicitation && state.ElicitResponses.TryGetValue(step.Label, out var response))
        {
            Section(text, "The user's response");
            text.Append('\n').Append(elicitation.Prompt).Append("\n\n").Append(response).Append('\n');
        }
        return text.ToString().Trim();
    }

    private static void Section(StringBuilder text, string title)
    {
        if (text.Length > 0) text.Append("\n\n");
        text.Append("## ").Append(title).Append('\n');
    }
}
