using System.Text;
using System.Text.RegularExpressions;

namespace Promptmark.Api.Features.Conversations.Transcripts;

/// <summary>
/// Markdown transcripts. A message starts at a role label line: a heading (<c>## User</c>, any level from # to ######,
/// an optional colon) or a bold label (<c>**User:** text</c> or <c>**User**: text</c>, the text continuing on the same
/// line). Labels: User, Human, You (user); Assistant, AI, ChatGPT, Claude (assistant); System; case does not matter.
/// A message runs to the next label line, without its leading and trailing blank lines. Before the first label only
/// blank lines and one <c># Title</c> heading may stand. A label line meant as text is written with a backslash in
/// front (<c>\## User</c>); the reader takes one backslash off, so the writer's output reads back to the same messages.
/// </summary>
public static partial class MarkdownTranscript
{
    public static TranscriptConversation Read(string text, TranscriptProblems problems)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        string? title = null;
        var messages = new List<TranscriptMessage>();
        (string Role, int Line, List<string> Lines)? open = null;
        for (var i = 0; i < lines.Length; i++)
        {
            if (Label(lines[i]) is { } label)
            {
                if (open is { } done) messages.Add(Message(done));
                open = (label.Role, i + 1, label.FirstLine is null ? [] : [label.FirstLine]);
            }
            else if (open is { } current) current.Lines.Add(Unescape(lines[i]));
            else if (title is null && TitleLine().Match(Unescape(lines[i])) is { Success: true } heading) title = heading.Groups[1].Value.Trim();
            else if (lines[i].Trim().Length > 0)
                problems.Add($"line {i + 1}", "text before the first role label (## User, ## Assistant, **User:** …)");
        }
        if (open is { } last) messages.Add(Message(last));
        if (messages.Count == 0) problems.Add("file", "has no role label line (## User, ## Assistant, **User:** …)");
        return new TranscriptConversation("file", title, null, messages);
    }

    public static string Write(string title, IEnumerable<(string Role, string Content)> messages)
    {
        var markdown = new StringBuilder(Escape("# " + title.ReplaceLineEndings(" "))).Append("\n\n");
        foreach (var (role, content) in messages)
        {
            markdown.Append("## ").Append(Heading(role)).Append("\n\n");
            foreach (var line in content.ReplaceLineEndings("\n").Split('\n'))
                markdown.Append(Escape(line)).Append('\n');
            markdown.Append('\n');
        }
        return markdown.ToString();
    }

    private static TranscriptMessage Message((string Role, int Line, List<string> Lines) open)
    {
        var lines = open.Lines;
        var first = lines.FindIndex(l => l.Trim().Length > 0);
        var content = first < 0 ? "" : string.Join('\n', lines[first..(lines.FindLastIndex(l => l.Trim().Length > 0) + 1)]);
        return new TranscriptMessage($"line {open.Line}", open.Role, content);
    }

    private static (string Role, string? FirstLine)? Label(string line)
    {
        if (HeadingLabel().Match(line) is { Success: true } heading) return (RoleOf(heading.Groups[1].Value), null);
        if (BoldLabel().Match(line) is { Success: true } bold) return (RoleOf(bold.Groups[1].Value), bold.Groups[2].Value);
        return null;
    }

    private static bool IsLabelText(string line) => HeadingLabel().IsMatch(line) || BoldLabel().IsMatch(line);

    private static string Escape(string line) => IsLabelText(line.TrimStart('\\')) ? "\\" + line : line;

    private static string Unescape(string line) => line.StartsWith('\\') && IsLabelText(line.TrimStart('\\')) ? line[1..] : line;

    private static string RoleOf(string label) => label.ToLowerInvariant() switch
    {
        "user" or "human" or "you" => ConversationRoles.User,
        "system" => ConversationRoles.System,
        _ => ConversationRoles.Assistant,
    };

    private static string Heading(string role) => role switch
    {
        ConversationRoles.User => "User",
        ConversationRoles.System => "System",
        _ => "Assistant",
    };

    private const string Labels = "user|human|you|assistant|ai|chatgpt|claude|system";

    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+(" + Labels + @")[ \t]*:?[ \t]*#*[ \t]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeadingLabel();

    [GeneratedRegex(@"^\*\*(" + Labels + @")(?::\*\*|\*\*:)[ \t]?(.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoldLabel();

    [GeneratedRegex(@"^ {0,3}#[ \t]+(\S.*)$")]
    private static partial Regex TitleLine();
}
