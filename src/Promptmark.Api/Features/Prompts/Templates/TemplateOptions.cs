namespace Promptmark.Api.Features.Prompts.Templates;

/// <summary>Operator settings for the template engine, bound from <c>Promptmark:Templates</c>.</summary>
public sealed class TemplateOptions
{
    public const string SectionName = "Promptmark:Templates";

    public const int DefaultMaxRenderedLength = 1_000_000;

    /// <summary>
    /// The longest text a template may render to, in characters. A template repeats its values, so a small request
    /// can ask for a huge text (a 100 KB template of <c>{{a}}</c> with a 500-character value is 10 MB).
    /// </summary>
    public int MaxRenderedLength { get; set; } = DefaultMaxRenderedLength;
}
