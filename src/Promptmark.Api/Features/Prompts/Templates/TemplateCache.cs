using Promptmark.Api.Infrastructure.Caching;

namespace Promptmark.Api.Features.Prompts.Templates;

/// <summary>Parsed templates by content (<see cref="ContentCache{T}"/>), so a prompt rendered again and again is scanned once.</summary>
public static class TemplateCache
{
    /// <summary>About 32 MB of template text; a parse costs about as much memory again.</summary>
    private static readonly ContentCache<Template> Parsed = new(Template.Parse, maxCharacters: 16_000_000);

    public static Template Parse(string content) => Parsed.Parse(content);
}
