namespace Promptmark.Api.Features.Skills;

/// <summary>
/// allowed-tools is a space-separated string in the Agent Skills spec; a YAML list is accepted too.
/// The string form also splits on commas ("Read, Grep", as some tools write it), never inside parentheses,
/// so "Bash(git status:*) Read" is two tools.
/// </summary>
internal static class AllowedTools
{
    public static IReadOnlyList<string> Read(FrontMatterNode? node, List<SkillProblem> problems)
    {
        switch (node)
        {
            case null or { IsAbsent: true }:
                return [];
            case FrontMatterText text:
                return Split(text.Text);
            case FrontMatterList list:
                return Items(list, problems);
            default:
                problems.Add(new SkillProblem("allowed-tools",
                    $"allowed-tools must be a space-separated string such as \"Read Grep\" or a list of tool names, found {node.Kind}"));
                return [];
        }
    }

    /// <summary>The space-separated form, or null when it would not split back into the same tools.</summary>
    public static string? Joined(IReadOnlyList<string> tools)
    {
        var joined = string.Join(' ', tools);
        return Split(joined).SequenceEqual(tools, StringComparer.Ordinal) ? joined : null;
    }

    private static List<string> Split(string text)
    {
        var tools = new List<string>();
        var depth = 0;
        var start = 0;
        for (var index = 0; index <= text.Length; index++)
        {
            var atEnd = index == text.Length;
            var character = atEnd ? ' ' : text[index];
            if (character == '(')
                depth++;
            else if (character == ')' && depth > 0)
                depth--;
            else if (atEnd || (depth == 0 && (char.IsWhiteSpace(character) || character == ',')))
            {
                if (index > start)
                    tools.Add(text[start..index]);
                start = index + 1;
            }
        }

        return tools;
    }

    private static List<string> Items(FrontMatterList list, List<SkillProblem> problems)
    {
        var tools = new List<string>();
        for (var index = 0; index < list.Items.Count; index++)
        {
            var item = list.Items[index];
            var position = index + 1;
            if (item is not FrontMatterText text)
                problems.Add(new SkillProblem("allowed-tools", $"allowed-tools item {position} must be a tool name, found {item.Kind}"));
            else if (text.IsNull || string.IsNullOrWhiteSpace(text.Text))
                problems.Add(new SkillProblem("allowed-tools", $"allowed-tools item {position} is empty; name a tool or remove the item"));
            else
                tools.Add(text.Text.Trim());
        }

        return tools;
    }
}
