using Promptmark.Api.Features.Prompts.Templates;

namespace Promptmark.Api.Tests.Prompts.Templates;

public class TemplateWarningTests
{
    private static readonly string TooLongDefault = new('x', 501);

    public static TheoryData<string, int, string, string> InvalidTokens => new()
    {
        { "Hi {{1abc}}!", 3, "{{1abc}}", "\"1abc\" is not a valid variable name; start with a letter and use only letters, digits and _" },
        { "{{first name}}", 0, "{{first name}}", "\"first name\" is not a valid variable name" },
        { "{{ .Name }}", 0, "{{ .Name }}", "\".Name\" is not a valid variable name" },
        { "{{na-me}}", 0, "{{na-me}}", "\"na-me\" is not a valid variable name" },
        { "{{_name}}", 0, "{{_name}}", "\"_name\" is not a valid variable name" },
        { "{{名前}}", 0, "{{名前}}", "\"名前\" is not a valid variable name" },
        { "x {{}} y", 2, "{{}}", "there is no variable name between the braces" },
        { "{{   }}", 0, "{{   }}", "there is no variable name between the braces" },
        { "{{ :string}}", 0, "{{ :string}}", "the variable name is missing before the \":\"" },
        { "{{color:colour}}", 0, "{{color:colour}}", "\"colour\" is not a known type; use string, text, number, boolean or enum" },
        { "{{count:number:abc}}", 0, "{{count:number:abc}}", "the default for \"count\" must be a number, got \"abc\"" },
        { "{{count:number:NaN}}", 0, "{{count:number:NaN}}", "the default for \"count\" must be a number, got \"NaN\"" },
        { "{{count:number:1,5}}", 0, "{{count:number:1,5}}", "the default for \"count\" must be a number, got \"1,5\"" },
        { "{{count:int:}}", 0, "{{count:int:}}", "the default for \"count\" must be a number, got \"\"" },
        { "{{flag:bool:yes}}", 0, "{{flag:bool:yes}}", "the default for \"flag\" must be true or false, got \"yes\"" },
        { "{{tone:enum}}", 0, "{{tone:enum}}", "the enum \"tone\" needs at least one option, as in {{tone:enum:first,second}}" },
        { "{{tone:enum:}}", 0, "{{tone:enum:}}", "the enum \"tone\" needs at least one option" },
        { "{{tone:enum: , ,:x}}", 0, "{{tone:enum: , ,:x}}", "the enum \"tone\" needs at least one option" },
        { "{{tone:enum:formal,casual:rude}}", 0, "{{tone:enum:formal,casual:rude}}", "the default for \"tone\" must be one of: formal, casual; got \"rude\"" },
        { "{{tone:enum:a,b:a:b}}", 0, "{{tone:enum:a,b:a:b}}", "the default for \"tone\" must be one of: a, b; got \"a:b\"" },
        { $"{{{{note::{TooLongDefault}}}}}", 0, $"{{{{note::{TooLongDefault}}}}}", "the default for \"note\" is longer than 500 characters" },
        { $"{{{{tone:enum:a:{TooLongDefault}}}}}", 0, $"{{{{tone:enum:a:{TooLongDefault}}}}}", "the default for \"tone\" is longer than 500 characters" },
        { "Hello {{name", 6, "{{name", "\"{{\" is never closed by \"}}\"" },
        { "Hello {{name\nnext line", 6, "{{name", "\"{{\" is never closed by \"}}\"" },
    };

    [Theory]
    [MemberData(nameof(InvalidTokens))]
    public void an_invalid_token_is_reported_with_its_position_text_and_what_is_wrong(
        string content, int position, string text, string message)
    {
        var template = Template.Parse(content);

        template.Variables.ShouldBeEmpty();
        var warning = template.Warnings.ShouldHaveSingleItem();
        warning.Position.ShouldBe(position);
        warning.Text.ShouldBe(text);
        warning.Message.ShouldStartWith(message);
    }

    [Fact]
    public void an_opener_left_open_before_the_next_opener_is_reported_and_the_next_variable_still_counts()
    {
        var template = Template.Parse("{{ oops {{name}}");

        template.Variables.ShouldHaveSingleItem().Name.ShouldBe("name");
        var warning = template.Warnings.ShouldHaveSingleItem();
        warning.Position.ShouldBe(0);
        warning.Text.ShouldBe("{{ oops {{name}}");
        warning.Message.ShouldBe("\"{{\" is not closed before the next \"{{\"");
    }

    [Fact]
    public void the_text_of_an_unclosed_opener_is_cut_short()
    {
        var warning = Template.Parse("{{" + new string('a', 200)).Warnings.ShouldHaveSingleItem();

        warning.Text.Length.ShouldBe(40);
    }

    [Fact]
    public void every_invalid_token_is_reported_in_order_of_position()
    {
        var template = Template.Parse("{{1a}} {{ok}} {{b:weird}} {{c:enum}}");

        template.Warnings.Select(w => w.Position).ShouldBe([0, 14, 26]);
        template.Variables.ShouldHaveSingleItem().Name.ShouldBe("ok");
    }

    [Theory]
    [InlineData("{{a:number}} {{a:text}}", "\"a\" is already declared as number without a default; this different declaration is ignored")]
    [InlineData("{{a::x}} {{a::y}}", "\"a\" is already declared as string with default \"x\"; this different declaration is ignored")]
    [InlineData("{{a:enum:x,y}} {{a:enum:y,x}}", "\"a\" is already declared as enum of x, y without a default; this different declaration is ignored")]
    [InlineData("{{a}} {{a:number}}", "\"a\" is already declared as string without a default; this different declaration is ignored")]
    [InlineData("{{a::x}} {{a:string}}", "\"a\" is already declared as string with default \"x\"; this different declaration is ignored")]
    public void a_later_conflicting_declaration_is_reported_and_the_first_one_wins(string content, string message)
    {
        var template = Template.Parse(content);

        var variable = template.Variables.ShouldHaveSingleItem();
        var warning = template.Warnings.ShouldHaveSingleItem();
        warning.Message.ShouldBe(message);
        warning.Position.ShouldBe(content.LastIndexOf("{{", StringComparison.Ordinal));
        Template.Parse(content[..content.IndexOf(' ')]).Variables.Single().ShouldBeEquivalentTo(variable);
    }

    [Fact]
    public void a_conflicting_declaration_written_again_is_reported_again_at_each_place()
    {
        const string content = "{{a:number}} {{a:text}} {{a:text}} {{a:number}}";

        var template = Template.Parse(content);

        template.Variables.ShouldHaveSingleItem().Type.ShouldBe(VariableType.Number);
        template.Warnings.Select(w => w.Position).ShouldBe([13, 24]);
        template.Render(TestInputs.Json("""{"a": 7}""")).Text.ShouldBe("7 7 7 7");
    }

    [Theory]
    [InlineData("{{a:number:1}} {{a}}")]
    [InlineData("{{a:number:1}} {{ a }}")]
    [InlineData("{{a:number:1}} {{a:num: 1 }}")]
    [InlineData("{{a:enum:x,y:x}} {{a:choice:x, y:X}}")]
    [InlineData("{{a}} {{a:}}")]
    public void a_later_bare_or_identical_use_of_a_variable_is_silent(string content)
    {
        var template = Template.Parse(content);

        template.Variables.ShouldHaveSingleItem();
        template.Warnings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("{{")]
    [InlineData("}}{{")]
    [InlineData("{{{{{{{{")]
    [InlineData("{{:}}")]
    [InlineData("{{a:enum:,:}}")]
    [InlineData("{{a::::::}}")]
    [InlineData("\0{{\0}}")]
    [InlineData("\ud800{{x}}\udc00")]
    public void parsing_odd_content_never_throws(string content)
    {
        Should.NotThrow(() => Template.Parse(content).Render(null));
    }

    [Fact]
    public void parsing_random_brace_soup_never_throws_and_keeps_unfilled_content_intact()
    {
        var random = new Random(20240611);
        const string alphabet = "{}:ab1 ,\n_";
        for (var i = 0; i < 2000; i++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var c = 0; c < chars.Length; c++)
                chars[c] = alphabet[random.Next(alphabet.Length)];
            var content = new string(chars);

            var template = Template.Parse(content);

            if (!template.IsTemplate)
                template.Render(null).Text.ShouldBe(content);
        }
    }
}
