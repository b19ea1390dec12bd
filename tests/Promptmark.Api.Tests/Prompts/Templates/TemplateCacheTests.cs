using Promptmark.Api.Features.Prompts.Templates;

namespace Promptmark.Api.Tests.Prompts.Templates;

public class TemplateCacheTests
{
    [Fact]
    public void the_same_text_loaded_again_is_parsed_once()
    {
        var content = $"Hello {{{{name}}}}, this is {Guid.NewGuid()}";

        var first = TemplateCache.Parse(content);
        var again = TemplateCache.Parse(new string(content.AsSpan()));

        again.ShouldBeSameAs(first);
    }

    [Fact]
    public void an_edited_text_is_never_served_the_old_parse()
    {
        var id = Guid.NewGuid();
        var before = TemplateCache.Parse($"{{{{tone:enum:formal,casual}}}} {id}");

        var after = TemplateCache.Parse($"{{{{tone:enum:formal,casual,terse}}}} {id}");

        after.ShouldNotBeSameAs(before);
        after.Variables.Single().Options.ShouldBe(["formal", "casual", "terse"]);
        after.Render(TestInputs.Json("""{"tone": "terse"}""")).Text.ShouldBe($"terse {id}");
    }
}
