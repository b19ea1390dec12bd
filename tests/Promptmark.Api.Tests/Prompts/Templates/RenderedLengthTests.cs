using Promptmark.Api.Features.Prompts.Templates;

namespace Promptmark.Api.Tests.Prompts.Templates;

public class RenderedLengthTests
{
    [Fact]
    public void a_text_that_fits_the_cap_exactly_is_rendered()
    {
        var template = Template.Parse("<{{a}}{{a}}>");

        template.Render(TestInputs.Json("""{"a": "xyz"}"""), maxLength: 8).Text.ShouldBe("<xyzxyz>");
        template.Validate(TestInputs.Json("""{"a": "xyz"}"""), maxLength: 8).Valid.ShouldBeTrue();
    }

    [Fact]
    public void rendering_and_validating_refuse_a_text_one_character_over_the_cap()
    {
        var template = Template.Parse("<{{a}}{{a}}>");

        Should.Throw<RenderedTooLongException>(() => template.Render(TestInputs.Json("""{"a": "xyz"}"""), maxLength: 7))
            .MaxLength.ShouldBe(7);
        Should.Throw<RenderedTooLongException>(() => template.Validate(TestInputs.Json("""{"a": "xyz"}"""), maxLength: 7))
            .Message.ShouldContain("limit of 7 characters");
    }

    [Fact]
    public void the_default_cap_stops_an_amplifying_template_whose_length_would_overflow_an_int()
    {
        // 20,000 slots of a 200,000-character value: 4 billion characters, more than int.MaxValue.
        var template = Template.Parse(string.Concat(Enumerable.Repeat("{{a}}", 20_000)));
        var inputs = TestInputs.Json($$"""{"a": "{{new string('x', 200_000)}}"}""");

        Should.Throw<RenderedTooLongException>(() => template.Render(inputs))
            .MaxLength.ShouldBe(TemplateOptions.DefaultMaxRenderedLength);
    }

    [Fact]
    public void inputs_that_do_not_fit_are_reported_before_the_length()
    {
        var check = Template.Parse("{{a:number}}{{a:number}}").Validate(TestInputs.Json("""{"a": "many"}"""), maxLength: 1);

        check.Valid.ShouldBeFalse();
    }
}
