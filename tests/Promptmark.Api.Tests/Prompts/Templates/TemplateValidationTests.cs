using Promptmark.Api.Features.Prompts.Templates;

namespace Promptmark.Api.Tests.Prompts.Templates;

public class TemplateValidationTests
{
    [Theory]
    [InlineData("{{name}}", "{}", "\"name\" is required")]
    [InlineData("{{name}}", """{"name": null}""", "\"name\" is required")]
    [InlineData("{{name}}", """{"name": ""}""", "\"name\" is required")]
    [InlineData("{{name}}", """{"name": "  \n "}""", "\"name\" is required")]
    [InlineData("{{name}}", """{"Name": "Ann"}""", "\"name\" is required")]
    [InlineData("{{tone:enum:formal,casual}}", "{}", "\"tone\" is required; choose one of: formal, casual")]
    [InlineData("{{count:number}}", """{"count": "abc"}""", "\"count\" must be a number, got \"abc\"")]
    [InlineData("{{count:number}}", """{"count": "1,5"}""", "\"count\" must be a number, got \"1,5\"")]
    [InlineData("{{count:number}}", """{"count": true}""", "\"count\" must be a number, got true")]
    [InlineData("{{count:number}}", """{"count": [1]}""", "\"count\" must be a number, got a list")]
    [InlineData("{{flag:bool}}", """{"flag": "yes"}""", "\"flag\" must be true or false, got \"yes\"")]
    [InlineData("{{flag:bool}}", """{"flag": 1}""", "\"flag\" must be true or false, got 1")]
    [InlineData("{{tone:enum:formal,casual}}", """{"tone": "rude"}""", "\"tone\" must be one of: formal, casual; got \"rude\"")]
    [InlineData("{{tone:enum:formal,casual}}", """{"tone": {"a": 1}}""", "\"tone\" must be one of: formal, casual; got an object")]
    [InlineData("{{name}}", """{"name": ["Ann"]}""", "\"name\" must be a single value, got a list")]
    [InlineData("{{notes:text}}", """{"notes": {"a": 1}}""", "\"notes\" must be a single value, got an object")]
    public void an_invalid_input_is_an_error_naming_the_variable_and_the_fix(string content, string inputs, string message)
    {
        var check = Template.Parse(content).Validate(TestInputs.Json(inputs));

        check.Valid.ShouldBeFalse();
        var error = check.Errors.ShouldHaveSingleItem();
        error.Variable.ShouldBe(content[2..content.IndexOfAny([':', '}'])]);
        error.Message.ShouldBe(message);
        check.Warnings.ShouldAllBe(w => w.Variable != error.Variable);
    }

    [Theory]
    [InlineData("{{count:number}}", """{"count": 3}""")]
    [InlineData("{{count:number}}", """{"count": "3.5"}""")]
    [InlineData("{{count:number}}", """{"count": " -4e2 "}""")]
    [InlineData("{{flag:bool}}", """{"flag": false}""")]
    [InlineData("{{flag:bool}}", """{"flag": "TRUE"}""")]
    [InlineData("{{tone:enum:formal,casual}}", """{"tone": "casual"}""")]
    [InlineData("{{tone:enum:formal,casual}}", """{"tone": "FORMAL"}""")]
    [InlineData("{{level:enum:1,2,3}}", """{"level": 2}""")]
    [InlineData("{{name}}", """{"name": 42}""")]
    [InlineData("{{name:text}}", """{"name": true}""")]
    [InlineData("{{name::Ann}}", "{}")]
    [InlineData("{{name::Ann}}", """{"name": null}""")]
    [InlineData("Plain text", "{}")]
    public void an_acceptable_input_passes(string content, string inputs)
    {
        var check = Template.Parse(content).Validate(TestInputs.Json(inputs));

        check.Valid.ShouldBeTrue();
        check.Errors.ShouldBeEmpty();
        check.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void no_inputs_at_all_means_every_required_variable_is_missing()
    {
        var check = Template.Parse("{{a}} {{b::x}} {{c:number}}").Validate(null);

        check.Errors.Select(e => e.Variable).ShouldBe(["a", "c"]);
        check.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void every_problem_is_reported_at_once_in_variable_order()
    {
        var template = Template.Parse("{{name}} {{count:number}} {{flag:bool}} {{tone:enum:formal,casual}} {{notes:text}}");

        var check = template.Validate(TestInputs.Json("""{"tone": "rude", "flag": "maybe", "count": "many", "extra": 1}"""));

        check.Errors.ShouldBe(
        [
            new InputProblem("name", "\"name\" is required"),
            new InputProblem("count", "\"count\" must be a number, got \"many\""),
            new InputProblem("flag", "\"flag\" must be true or false, got \"maybe\""),
            new InputProblem("tone", "\"tone\" must be one of: formal, casual; got \"rude\""),
            new InputProblem("notes", "\"notes\" is required"),
        ]);
        check.Warnings.ShouldBe([new InputProblem("extra", "unknown variable \"extra\" is ignored")]);
    }

    [Fact]
    public void an_unknown_key_is_a_warning_not_an_error()
    {
        var check = Template.Parse("{{name}}").Validate(TestInputs.Json("""{"name": "Ann", "mood": "happy"}"""));

        check.Valid.ShouldBeTrue();
        check.Warnings.ShouldBe([new InputProblem("mood", "unknown variable \"mood\" is ignored")]);
    }

    [Fact]
    public void an_unknown_key_that_differs_only_in_case_suggests_the_real_name()
    {
        var check = Template.Parse("{{name::x}}").Validate(TestInputs.Json("""{"NAME": "Ann"}"""));

        check.Valid.ShouldBeTrue();
        check.Warnings.ShouldHaveSingleItem().Message.ShouldBe("unknown variable \"NAME\" is ignored; did you mean \"name\"?");
    }

    [Fact]
    public void a_long_bad_value_is_shortened_in_the_message()
    {
        var inputs = TestInputs.Json($$"""{"count": "{{new string('9', 60)}}x"}""");

        var message = Template.Parse("{{count:number}}").Validate(inputs).Errors.Single().Message;

        message.ShouldBe($"\"count\" must be a number, got \"{new string('9', 39)}…\"");
    }
}
