using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Promptmark.Api.Features.Skills;

internal static class SkillTitle
{
    /// <summary>The plain text of the first heading with any text in it, or null.</summary>
    public static string? FirstHeading(string body)
    {
        MarkdownDocument markdown;
        try
        {
            markdown = Markdown.Parse(body);
        }
        catch (ArgumentException)
        {
            // Markdig refuses absurdly nested input this way; such a body has no usable title.
            return null;
        }

        foreach (var heading in markdown.Descendants<HeadingBlock>())
        {
            var text = PlainText(heading);
            if (text.Length > 0)
                return text;
        }

        return null;
    }

    private static string PlainText(HeadingBlock heading)
    {
        if (heading.Inline is null)
            return "";

        var text = new StringBuilder();
        foreach (var inline in heading.Inline.Descendants<Inline>())
        {
            switch (inline)
            {
                case LiteralInline literal: text.Append(literal.Content.AsSpan()); break;
                case CodeInline code: text.Append(code.Content); break;
                case HtmlEntityInline entity: text.Append(entity.Transcoded.AsSpan()); break;
                case AutolinkInline autolink: text.Append(autolink.Url); break;
                case LineBreakInline: text.Append(' '); break;
            }
        }

        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
