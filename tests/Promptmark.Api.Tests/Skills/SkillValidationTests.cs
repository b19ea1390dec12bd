using Promptmark.Api.Features.Skills;

namespace Promptmark.Api.Tests.Skills;

public class SkillValidationTests
{
    private const string UnreadableYaml =
        "front matter is not valid YAML: it holds a tag, escape or character YAML cannot read; look for stray \"!\", \"\\\" and control characters";

    private const string MissingFrontMatter =
        "SKILL.md must start with YAML front matter: a line \"---\", the fields (name: ..., description: ...), then another \"---\" line";

    public static TheoryData<string, string, string> InvalidSkills => new()
    {
        // front matter
        { "# Just markdown", "front-matter", MissingFrontMatter },
        { "", "front-matter", MissingFrontMatter },
        { "   \n\n", "front-matter", MissingFrontMatter },
        { "--- name: pdf-tools\n---\n", "front-matter", MissingFrontMatter },
        { "Intro\n---\nname: pdf-tools\n---\n", "front-matter", MissingFrontMatter },
        { "---\nname: pdf-tools\ndescription: x\n", "front-matter",
            "the front matter opened on line 1 is never closed; add a line \"---\" after the last field" },
        { "\n\n---\nname: pdf-tools\n", "front-matter",
            "the front matter opened on line 3 is never closed; add a line \"---\" after the last field" },
        { SkillText.With("name: pdf-tools\ndescription: Use when: the user asks"), "front-matter",
            "front matter is not valid YAML at line 3, column 22: while scanning a plain scalar value, found invalid mapping. Put values that contain \": \" in quotes." },
        { SkillText.With("name: pdf-tools\ndescription: 'unclosed"), "front-matter",
            "front matter is not valid YAML at line 3, column 14: while scanning a quoted scalar, found unexpected end of stream." },
        { SkillText.With("name: pdf-tools\ndescription: *missing"), "front-matter",
            "front matter is not valid YAML at line 3, column 14: the alias *missing refers to no anchor defined before it" },
        { SkillText.With("name: !<> pdf-tools\ndescription: d"), "front-matter", UnreadableYaml },
        { SkillText.With("name: pdf-tools\ndescription: \"\\U99999999\""), "front-matter", UnreadableYaml },
        { SkillText.With(": [\u2028\uD800"), "front-matter", UnreadableYaml },
        { SkillText.With("- name\n- description"), "front-matter",
            "front matter must be a YAML mapping of fields such as \"name: my-skill\", found a list" },
        { SkillText.With("just some words"), "front-matter",
            "front matter must be a YAML mapping of fields such as \"name: my-skill\", found text" },
        { SkillText.With("name: pdf-tools\n--- second"), "front-matter",
            "front matter must be a single YAML document, but another one starts at line 3, column 1; remove the \"---\" or \"...\" line there" },
        { SkillText.With("description: " + new string('x', 70_000)), "front-matter",
            "front matter is 70014 bytes; keep it within 65536 bytes (64 KB) and put long text in the body" },
        { SkillText.WithValidFieldsAnd("metadata: " + new string('[', 40) + new string(']', 40)), "front-matter",
            "front matter is not valid YAML at line 4, column 42: values are nested more than 32 levels deep" },

        // name
        { SkillText.With("description: Extracts text."), "name",
            "name is required; add a line such as \"name: pdf-tools\" to the front matter" },
        { SkillText.With("name:\ndescription: Extracts text."), "name",
            "name is required; add a line such as \"name: pdf-tools\" to the front matter" },
        { SkillText.With("name: ~\ndescription: Extracts text."), "name",
            "name is required; add a line such as \"name: pdf-tools\" to the front matter" },
        { SkillText.With("name: ''\ndescription: Extracts text."), "name",
            "name must not be empty; use 1 to 64 lowercase letters, digits and hyphens, such as \"pdf-tools\"" },
        { SkillText.With("name: [pdf, tools]\ndescription: Extracts text."), "name", "name must be text, found a list" },
        { SkillText.With("name: {pdf: tools}\ndescription: Extracts text."), "name", "name must be text, found a mapping" },
        { SkillText.With("name: My Skill\ndescription: Extracts text."), "name",
            "name \"My Skill\" may hold only lowercase letters, digits and single hyphens; try \"my-skill\"" },
        { SkillText.With("name: pdf_tools\ndescription: Extracts text."), "name",
            "name \"pdf_tools\" may hold only lowercase letters, digits and single hyphens; try \"pdf-tools\"" },
        { SkillText.With("name: 1.5\ndescription: Extracts text."), "name",
            "name \"1.5\" may hold only lowercase letters, digits and single hyphens; try \"1-5\"" },
        { SkillText.With("name: café\ndescription: Extracts text."), "name",
            "name \"café\" may hold only lowercase letters, digits and single hyphens" },
        { SkillText.With("name: \"pdf\\ntools\"\ndescription: Extracts text."), "name",
            "name \"pdf\\ntools\" may hold only lowercase letters, digits and single hyphens; try \"pdf-tools\"" },
        { SkillText.With("name: -pdf\ndescription: Extracts text."), "name", "name \"-pdf\" must not start or end with a hyphen" },
        { SkillText.With("name: pdf-\ndescription: Extracts text."), "name", "name \"pdf-\" must not start or end with a hyphen" },
        { SkillText.With("name: pdf--tools\ndescription: Extracts text."), "name", "name \"pdf--tools\" must not contain two hyphens in a row" },
        { SkillText.With($"name: {new string('a', 65)}\ndescription: Extracts text."), "name", "name is 65 characters long; use at most 64" },
        { SkillText.With("name: pdf-tools\nname: pdf\ndescription: Extracts text."), "name",
            "name is given 2 times (lines 2 and 3); keep only one" },

        // description
        { SkillText.With("name: pdf-tools"), "description",
            "description is required; add one that says what the skill does and when to use it" },
        { SkillText.With("name: pdf-tools\ndescription: null"), "description",
            "description is required; add one that says what the skill does and when to use it" },
        { SkillText.With("name: pdf-tools\ndescription: \"\""), "description",
            "description must not be empty; say what the skill does and when to use it" },
        { SkillText.With("name: pdf-tools\ndescription: \"  \\n \""), "description",
            "description must not be empty; say what the skill does and when to use it" },
        { SkillText.With("name: pdf-tools\ndescription:\n  - one\n  - two"), "description", "description must be text, found a list" },
        { SkillText.With($"name: pdf-tools\ndescription: {new string('d', 1025)}"), "description",
            "description is 1025 characters long; shorten it to at most 1024" },

        // license and compatibility
        { SkillText.WithValidFieldsAnd("license: [MIT, Apache-2.0]"), "license", "license must be text, found a list" },
        { SkillText.WithValidFieldsAnd("compatibility: {python: 3}"), "compatibility", "compatibility must be text, found a mapping" },
        { SkillText.WithValidFieldsAnd($"compatibility: {new string('c', 501)}"), "compatibility",
            "compatibility is 501 characters long; shorten it to at most 500" },

        // metadata
        { SkillText.WithValidFieldsAnd("metadata: author ada"), "metadata",
            "metadata must be a mapping of keys to values, written as indented lines such as \"  author: ada\" below it; found text" },
        { SkillText.WithValidFieldsAnd("metadata: [author, ada]"), "metadata",
            "metadata must be a mapping of keys to values, written as indented lines such as \"  author: ada\" below it; found a list" },
        { SkillText.WithValidFieldsAnd("metadata:\n  author:\n    name: ada"), "metadata",
            "metadata \"author\" must be a single value, found a mapping; nested values are not supported" },
        { SkillText.WithValidFieldsAnd("metadata:\n  tags: [pdf, text]"), "metadata",
            "metadata \"tags\" must be a single value, found a list; nested values are not supported" },
        { SkillText.WithValidFieldsAnd("metadata:\n  ? [a, b]\n  : c"), "metadata",
            "metadata keys must be text, but the key on line 5 is a list or mapping" },
        { SkillText.WithValidFieldsAnd("metadata:\n  author: ada\n  author: grace"), "metadata",
            "metadata key \"author\" is given 2 times (lines 5 and 6); keep only one" },

        // allowed-tools
        { SkillText.WithValidFieldsAnd("allowed-tools: {Read: yes}"), "allowed-tools",
            "allowed-tools must be a space-separated string such as \"Read Grep\" or a list of tool names, found a mapping" },
        { SkillText.WithValidFieldsAnd("allowed-tools:\n  - Read\n  - [Bash, Grep]"), "allowed-tools",
            "allowed-tools item 2 must be a tool name, found a list" },
        { SkillText.WithValidFieldsAnd("allowed-tools:\n  - Read\n  -\n  - Grep"), "allowed-tools",
            "allowed-tools item 2 is empty; name a tool or remove the item" },
        { SkillText.WithValidFieldsAnd("allowed-tools: [Read, \" \"]"), "allowed-tools",
            "allowed-tools item 2 is empty; name a tool or remove the item" },

        // unknown keys are ignored, but not when repeated
        { SkillText.WithValidFieldsAnd("x-owner: a\nx-owner: b\nx-owner: c"), "front-matter",
            "the key \"x-owner\" is given 3 times (lines 4, 5 and 6); keep only one" },

        // body
        { SkillText.With(SkillText.ValidFields, new string('b', 100_001)), "body",
            "body is 100001 characters long; shorten it to at most 100000" },
    };

    [Theory]
    [MemberData(nameof(InvalidSkills))]
    public void an_invalid_skill_reports_one_problem_naming_the_field_and_the_fix(string markdown, string field, string message)
    {
        var result = SkillDocument.Parse(markdown);

        result.IsValid.ShouldBeFalse();
        result.Problems.ShouldHaveSingleItem().ShouldBe(new SkillProblem(field, message));
    }

    [Theory]
    [InlineData("name: pdf-tools\ndescription: Extracts text.")]
    [InlineData("name: a\ndescription: x")]
    [InlineData("name: yes\ndescription: Says yes.")]
    [InlineData("name: 123\ndescription: A number as a name.")]
    [InlineData("name: v2-pdf-0\ndescription: Digits and hyphens.")]
    [InlineData("name: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\ndescription: Exactly 64 characters.")]
    [InlineData("name: pdf-tools\ndescription: Extracts text.\nlicense: MIT\ncompatibility: Needs Python 3.12 and poppler")]
    [InlineData("name: pdf-tools\ndescription: Extracts text.\nmetadata: {}\nallowed-tools: []")]
    [InlineData("name: pdf-tools\ndescription: Extracts text.\nx-unknown: [1, {2: 3}]\nName: Shouting")]
    public void a_valid_skill_has_no_problems(string frontMatter)
    {
        var result = SkillDocument.Parse(SkillText.With(frontMatter));

        result.Problems.ShouldBeEmpty();
        result.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void description_length_counts_characters_not_utf16_units()
    {
        var result = SkillDocument.Parse(SkillText.With($"name: emoji\ndescription: {string.Concat(Enumerable.Repeat("😀", 1024))}"));

        result.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void every_problem_is_reported_at_once()
    {
        var markdown = SkillText.With(
            "name: My--Skill\nlicense: [MIT]\nmetadata:\n  nested: {a: b}\nallowed-tools: {Read: 1}",
            new string('b', 100_001));

        var result = SkillDocument.Parse(markdown);

        result.Problems.Select(problem => problem.Field).ShouldBe(
            ["name", "name", "description", "license", "metadata", "allowed-tools", "body"]);
        result.Problems[0].Message.ShouldBe(
            "name \"My--Skill\" may hold only lowercase letters, digits and single hyphens; try \"my-skill\"");
        result.Problems[1].Message.ShouldBe("name \"My--Skill\" must not contain two hyphens in a row");
    }

    [Fact]
    public void a_readable_front_matter_gives_a_best_effort_document_alongside_its_problems()
    {
        var result = SkillDocument.Parse(SkillText.With("name: My Skill\nlicense: MIT", "Body"));

        result.IsValid.ShouldBeFalse();
        var document = result.Document.ShouldNotBeNull();
        document.Name.ShouldBe("My Skill");
        document.Description.ShouldBe("");
        document.License.ShouldBe("MIT");
        document.Body.ShouldBe("Body");
    }

    [Fact]
    public void an_unreadable_front_matter_gives_no_document()
    {
        var result = SkillDocument.Parse(SkillText.With("name: [unclosed"));

        result.Document.ShouldBeNull();
        result.Problems.ShouldHaveSingleItem().Field.ShouldBe("front-matter");
    }

    [Fact]
    public void empty_front_matter_asks_for_name_and_description()
    {
        foreach (var frontMatter in new[] { "---\n---\n", "---\n# only a comment\n---\nBody" })
        {
            var result = SkillDocument.Parse(frontMatter);

            result.Document.ShouldNotBeNull();
            result.Problems.Select(problem => problem.Field).ShouldBe(["name", "description"]);
        }
    }

    [Fact]
    public void a_long_value_is_shortened_in_the_message()
    {
        var result = SkillDocument.Parse(SkillText.With($"name: {new string('X', 100)}\ndescription: d"));

        result.Problems.ShouldContain(new SkillProblem("name",
            $"name \"{new string('X', 40)}…\" may hold only lowercase letters, digits and single hyphens; try \"{new string('x', 64)}\""));
    }
}
