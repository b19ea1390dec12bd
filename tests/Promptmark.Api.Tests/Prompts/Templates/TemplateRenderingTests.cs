using Promptmark.Api.Features.Prompts.Templates;

namespace Promptmark.Api.Tests.Prompts.Templates;

public class TemplateRenderingTests
{
    [Theory]
    [InlineData("Hello {{name}}!", """{"name": "Ann"}""", "Hello Ann!")]
    [InlineData("Hello {{ name }}!", """{"name": "  Ann  "}""", "Hello   Ann  !")]
    [InlineData("{{a}}{{b}}", """{"a": "x", "b": "y"}""", "xy")]
    [InlineData("{{name}} and {{name}} again", """{"name": "Bo"}""", "Bo and Bo again")]
    [InlineData("Hi {{name::friend}}", "{}", "Hi friend")]
    [InlineData("Hi {{name::friend}}", """{"name": ""}""", "Hi friend")]
    [InlineData("Hi {{name::friend}}", """{"name": "Ann"}""", "Hi Ann")]
    [InlineData("Go to {{url::https://example.com:8080/x}}", "{}", "Go to https://example.com:8080/x")]
    [InlineData("[{{note:text:}}]", "{}", "[]")]
    [InlineData("n={{n:number}}", """{"n": 1.50}""", "n=1.50")]
    [InlineData("n={{n:number}}", """{"n": " 2.5 "}""", "n=2.5")]
    [InlineData("n={{n:number:10}}", "{}", "n=10")]
    [InlineData("on={{b:bool}}", """{"b": true}""", "on=true")]
    [InlineData("on={{b:bool}}", """{"b": " FALSE "}""", "on=false")]
    [InlineData("on={{b:bool:TRUE}}", "{}", "on=true")]
    [InlineData("tone={{t:enum:formal,casual}}", """{"t": "CASUAL"}""", "tone=casual")]
    [InlineData("tone={{t:enum:formal,casual:formal}}", "{}", "tone=formal")]
    [InlineData("level={{l:enum:1,2}}", """{"l": 2}""", "level=2")]
    [InlineData("id={{id}}", """{"id": 7}""", "id=7")]
    [InlineData("{\"user\": {{{name}}}}", """{"name": "\"Ann\""}""", "{\"user\": {\"Ann\"}}")]
    [InlineData("Grüße, {{name}} 👋 — {{greeting::こんにちは}}", """{"name": "Zoë"}""", "Grüße, Zoë 👋 — こんにちは")]
    [InlineData("{{a:number}} {{a:text}}", """{"a": "5"}""", "5 5")]
    public void values_and_defaults_are_substituted(string content, string inputs, string expected)
    {
        var result = Template.Parse(content).Render(TestInputs.Json(inputs));

        result.Check.Valid.ShouldBeTrue();
        result.Text.ShouldBe(expected);
    }

    // The literal runs around the slots: none before the first or after the last, text refused as a variable
    // between two slots, an unclosed opener in the tail, and content with no slot at all.
    [Theory]
    [InlineData("{{a}}", "x")]
    [InlineData("{{a}}{{1x}}{{a}}", "x{{1x}}x")]
    [InlineData("<{{a}}> tail {{ open", "<x> tail {{ open")]
    [InlineData("{{a}}{{a}}{{a}} and {{a}}.", "xxx and x.")]
    [InlineData("no slots {here}", "no slots {here}")]
    [InlineData("", "")]
    public void literal_text_around_slots_is_kept_as_written(string content, string expected)
    {
        // Where there is no "a" the input is only warned about as unknown; the text still renders.
        var result = Template.Parse(content).Render(TestInputs.Json("""{"a": "x"}"""));

        result.Text.ShouldBe(expected);
    }

    [Theory]
    [InlineData("Hi {{1abc}} {{name}}", "Hi {{1abc}} Ann")]
    [InlineData("{{name:colour}} {{name}}", "{{name:colour}} Ann")]
    [InlineData("{{ name }} uses {{ in Jinja", "Ann uses {{ in Jinja")]
    [InlineData("{{ oops {{name}} }}", "{{ oops Ann }}")]
    [InlineData("{{}} {{name}} {{x:enum}}", "{{}} Ann {{x:enum}}")]
    [InlineData("{{name}} ends {{open", "Ann ends {{open")]
    public void invalid_tokens_are_kept_exactly_as_written(string content, string expected)
    {
        Template.Parse(content).Render(TestInputs.Json("""{"name": "Ann"}""")).Text.ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Just words, ünïcödé and 🎉.")]
    [InlineData("{{1abc}} stays")]
    public void content_that_is_not_a_template_renders_unchanged(string content)
    {
        var result = Template.Parse(content).Render(null);

        result.Text.ShouldBe(content);
        result.Check.Valid.ShouldBeTrue();
    }

    [Fact]
    public void rendering_fails_when_a_required_variable_is_missing()
    {
        var result = Template.Parse("Hello {{name}}").Render(TestInputs.Json("{}"));

        result.Text.ShouldBeNull();
        result.Check.Errors.ShouldBe([new InputProblem("name", "\"name\" is required")]);
    }

    [Fact]
    public void rendering_fails_with_the_same_errors_validation_reports()
    {
        var template = Template.Parse("{{a:number}} {{b:bool}} {{c}}");
        var inputs = TestInputs.Json("""{"a": "x", "b": "y"}""");

        var result = template.Render(inputs);

        result.Text.ShouldBeNull();
        result.Check.Errors.ShouldBe(template.Validate(inputs).Errors);
        result.Check.Errors.Count.ShouldBe(3);
    }

    [Fact]
    public void rendering_with_an_unknown_key_succeeds_and_carries_the_warning()
    {
        var result = Template.Parse("Hi {{name}}").Render(TestInputs.Json("""{"name": "Ann", "nmae": "x"}"""));

        result.Text.ShouldBe("Hi Ann");
        result.Check.Warnings.ShouldHaveSingleItem().Variable.ShouldBe("nmae");
    }

    [Fact]
    public void a_two_kilobyte_template_renders_every_slot()
    {
        var paragraph = string.Concat(Enumerable.Repeat("Lorem ipsum dolor sit amet, consectetur adipiscing. ", 4));
        var content = string.Concat(Enumerable.Range(0, 10).Select(i => $"{paragraph}{{{{v{i}:number}}}} "));
        var inputs = TestInputs.Json("{" + string.Join(",", Enumerable.Range(0, 10).Select(i => $"\"v{i}\": {i}")) + "}");

        var text = Template.Parse(content).Render(inputs).Text;

        text.ShouldBe(string.Concat(Enumerable.Range(0, 10).Select(i => $"{paragraph}{i} ")));
    }

    [Fact]
    public void a_slot_renders_wherever_it_sits_across_the_scanners_64_character_blocks()
    {
        var inputs = TestInputs.Json("""{"a": "x"}""");
        for (var at = 0; at <= 140; at++)
        {
            var content = $"{new string('-', at)}{{{{a}}}}{new string('-', 140 - at)}{{ }}";

            Template.Parse(content).Render(inputs).Text.ShouldBe($"{new string('-', at)}x{new string('-', 140 - at)}{{ }}");
        }
    }
}
