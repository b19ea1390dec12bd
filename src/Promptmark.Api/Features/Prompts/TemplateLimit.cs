using Microsoft.Extensions.Options;
using Promptmark.Api.Features.Prompts.Templates;
using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Features.Prompts;

/// <summary>Runs the template engine under the configured rendered-length cap; a text over the cap is a 422 naming it.</summary>
public sealed class TemplateLimit(IOptions<TemplateOptions> options)
{
    public int MaxRenderedLength => options.Value.MaxRenderedLength;

    public T Apply<T>(Func<int, T> run)
    {
        try
        {
            return run(MaxRenderedLength);
        }
        catch (RenderedTooLongException tooLong)
        {
            throw new UnprocessableException(tooLong.Message,
                new Dictionary<string, object?> { ["max_rendered_length"] = tooLong.MaxLength });
        }
    }
}

public static class TemplateLimitServices
{
    public static IServiceCollection AddTemplateLimit(this IServiceCollection services)
    {
        services.AddOptions<TemplateOptions>().BindConfiguration(TemplateOptions.SectionName);
        return services.AddSingleton<TemplateLimit>();
    }
}
