using Promptmark.Api.Features.Prompts.Templates;

namespace Promptmark.Api.Tests.Prompts.Templates;

public class TemplateGrammarTests
{
    [Theory]
    [InlineData("{{name}}", "string")]
    [InlineData("{{name:string}}", "string")]
    [InlineData("{{name:STRING}}", "string")]
    [InlineData("{{name:}}", "string")]
    [InlineData("{{name:text}}", "text")]
    [InlineData("{{name:Text}}", "text")]
    [InlineData("{{name:number}}", "number")]
    [InlineData("{{name:num}}", "number")]
    [InlineData("{{name:int}}", "number")]
    [InlineData("{{name:float}}", "number")]
    [InlineData("{{name:boolean}}", "boolean")]
    [InlineData("{{name:bool}}", "boolean")]
    [InlineData("{{name:BOOL}}", "boolean")]
    [InlineData("{{name:enum:a}}", "enum")]
    [InlineData("{{name:select:a}}", "enum")]
    [InlineData("{{name:choice:a}}", "enum")]
    [InlineData("{{name:Choice:a}}", "enum")]
    public void type_names_and_aliases_are_recognised_case_insensitively(string content, string wireType)
    {
        var variable = SingleVariable(content);

        variable.Name.ShouldBe("name");
        variable.Type.ToWireName().ShouldBe(wireType);
        variable.Required.ShouldBeTrue();
    }

    [Theory]
    [InlineData("{{name::Ann}}", "Ann")]
    [InlineData("{{name:string:Ann Lee}}", "Ann Lee")]
    [InlineData("{{note:text:}}", "")]
    [InlineData("{{count:number:3.5}}", "3.5")]
    [InlineData("{{count:int:-2}}", "-2")]
    [InlineData("{{count:num:1e3}}", "1e3")]
    [InlineData("{{flag:bool:true}}", "true")]
    [InlineData("{{flag:boolean:FALSE}}", "false")]
    [InlineData("{{url::https://example.com:8080/path}}", "https://example.com:8080/path")]
    [InlineData("{{time:string:12:30}}", "12:30")]
    [InlineData("{{greeting::こんにちは 👋}}", "こんにちは 👋")]
    public void a_default_is_everything_after_the_second_colon(string content, string expectedDefault)
    {
        var variable = SingleVariable(content);

        variable.Default.ShouldBe(expectedDefault);
        variable.Required.ShouldBeFalse();
    }

    [Theory]
    [InlineData("{{tone:enum:formal,casual}}", "formal|casual", null)]
    [InlineData("{{tone:enum:formal,casual:casual}}", "formal|casual", "casual")]
    [InlineData("{{tone:enum:formal,casual:CASUAL}}", "formal|casual", "casual")]
    [InlineData("{{tone:enum: formal , ,casual,, formal }}", "formal|casual", null)]
    [InlineData("{{tone:enum:Formal,formal}}", "Formal|formal", null)]
    [InlineData("{{size:select:s,m,l: m }}", "s|m|l", "m")]
    public void enum_options_are_trimmed_and_deduplicated_and_may_carry_a_default(string content, string options, string? expectedDefault)
    {
        var variable = SingleVariable(content);

        variable.Type.ShouldBe(VariableType.Enum);
        variable.Options.ShouldBe(options.Split('|'));
        variable.Default.ShouldBe(expectedDefault);
    }

    [Theory]
    [InlineData("{{ name }}", "name", VariableType.String, null)]
    [InlineData("{{\tname\n}}", "name", VariableType.String, null)]
    [InlineData("{{ count : number : 4 }}", "count", VariableType.Number, "4")]
    [InlineData("{{ greeting : string :  Hello there  }}", "greeting", VariableType.String, "Hello there")]
    [InlineData("{{ tone : enum : formal, casual }}", "tone", VariableType.Enum, null)]
    public void whitespace_inside_the_braces_and_around_the_parts_is_ignored(string content, string name, VariableType type, string? expectedDefault)
    {
        var variable = SingleVariable(content);

        variable.Name.ShouldBe(name);
        variable.Type.ShouldBe(type);
        variable.Default.ShouldBe(expectedDefault);
    }

    [Theory]
    [InlineData("{{a}}", "a")]
    [InlineData("{{first_name}}", "first_name")]
    [InlineData("{{Item2}}", "Item2")]
    [InlineData("{{x_1_y}}", "x_1_y")]
    public void names_start_with_a_letter_and_hold_letters_digits_and_underscores(string content, string name)
    {
        SingleVariable(content).Name.ShouldBe(name);
    }

    [Fact]
    public void a_default_of_exactly_500_characters_is_accepted()
    {
        var longDefault = new string('x', 500);

        SingleVariable($"{{{{note::{longDefault}}}}}").Default.ShouldBe(longDefault);
    }

    [Fact]
    public void variables_are_listed_once_in_order_of_first_appearance()
    {
        var template = Template.Parse("{{b}} then {{a:number}} then {{b}} and {{c}} and {{a}}");

        template.Variables.Select(v => v.Name).ShouldBe(["b", "a", "c"]);
        template.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void names_are_case_sensitive()
    {
        Template.Parse("{{Name}} {{name}}").Variables.Select(v => v.Name).ShouldBe(["Name", "name"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Plain text with no braces at all.")]
    [InlineData("JSON like {\"a\": {\"b\": 1}} and a lone } or { brace")]
    [InlineData("closing only }} here")]
    [InlineData("Grüße aus Köln 👋 — ¿qué tal?")]
    public void content_without_variables_is_not_a_template_and_has_no_warnings(string content)
    {
        var template = Template.Parse(content);

        template.IsTemplate.ShouldBeFalse();
        template.Variables.ShouldBeEmpty();
        template.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void content_with_a_valid_variable_is_a_template()
    {
        Template.Parse("Dear {{name}},").IsTemplate.ShouldBeTrue();
    }

    [Fact]
    public void a_variable_wrapped_in_extra_braces_is_the_innermost_pair()
    {
        var template = Template.Parse("{\"user\": {{{name}}}}");

        template.Variables.ShouldHaveSingleItem().Name.ShouldBe("name");
        template.Warnings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(VariableType.String, "string")]
    [InlineData(VariableType.Text, "text")]
    [InlineData(VariableType.Number, "number")]
    [InlineData(VariableType.Boolean, "boolean")]
    [InlineData(VariableType.Enum, "enum")]
    public void each_type_has_a_lowercase_wire_name(VariableType type, string wireName)
    {
        type.ToWireName().ShouldBe(wireName);
    }

    private static TemplateVariable SingleVariable(string content)
    {
        var template = Template.Parse(content);
        template.Warnings.ShouldBeEmpty();
        return template.Variables.ShouldHaveSingleItem();
    }
}
