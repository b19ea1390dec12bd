using System.Globalization;

namespace Promptmark.Api.Features.Prompts.Templates;

/// <summary>The values would make the rendered text longer than <see cref="MaxLength"/>; nothing was built.</summary>
public sealed class RenderedTooLongException(int maxLength) : Exception(string.Create(CultureInfo.InvariantCulture,
    $"the rendered text would be longer than the limit of {maxLength:N0} characters ({TemplateOptions.SectionName}:{nameof(TemplateOptions.MaxRenderedLength)})"))
{
    public int MaxLength { get; } = maxLength;
}
