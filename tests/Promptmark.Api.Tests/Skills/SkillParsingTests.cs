using Promptmark.Api.Features.Skills;

namespace Promptmark.Api.Tests.Skills;

public class SkillParsingTests
{
    private static SkillDocument Valid(string markdown)
    {
        var result = SkillDocument.Parse(markdown);
        result.Problems.ShouldBeEmpty();
        return result.Document.ShouldNotBeNull();
    }

    [Fact]
    public void reads_every_field_and_the_body()
    {
        var document = Valid("""
            ---
            name: pdf-tools
            description: Extracts text and tables from PDF files. Use when the user mentions PDFs.
            license: Apache-2.0
            compatibility: Requires python3 and poppler-utils
            metadata:
              author: example-org
              version: "1.0"
            allowed-tools: Bash(pdftotext:*) Read
            ---

            # PDF tools

            Run `pdftotext`.
            """);

        document.Name.ShouldBe("pdf-tools");
        document.Description.ShouldBe("Extracts text and tables from PDF files. Use when the user mentions PDFs.");
        document.License.ShouldBe("Apache-2.0");
        document.Compatibility.ShouldBe("Requires python3 and poppler-utils");
        document.Metadata.ShouldBe(new Dictionary<string, string> { ["author"] = "example-org", ["version"] = "1.0" });
        document.AllowedTools.ShouldBe(["Bash(pdftotext:*)", "Read"]);
        document.Body.ShouldBe("# PDF tools\n\nRun `pdftotext`.");
    }

    [Fact]
    public void optional_fields_default_to_nothing()
    {
        var document = Valid(SkillText.With(SkillText.ValidFields));

        document.License.ShouldBeNull();
        document.Compatibility.ShouldBeNull();
        document.Metadata.ShouldBeEmpty();
        document.AllowedTools.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("name: yes", "yes")]
    [InlineData("name: no", "no")]
    [InlineData("name: 123", "123")]
    [InlineData("name: 007", "007")]
    [InlineData("name: true", "true")]
    [InlineData("name: !!int 42", "42")]
    [InlineData("name: 'pdf-tools'", "pdf-tools")]
    [InlineData("name: \"pdf-tools\"", "pdf-tools")]
    public void yaml_scalars_are_read_as_the_text_written(string nameLine, string name) =>
        Valid(SkillText.With($"{nameLine}\ndescription: d")).Name.ShouldBe(name);

    [Theory]
    [InlineData("description: >\n  Extracts text.\n  Use for PDFs.\n", "Extracts text. Use for PDFs.")]
    [InlineData("description: |\n  Extracts text.\n  Use for PDFs.\n", "Extracts text.\nUse for PDFs.")]
    [InlineData("description: \"Use when: asked # about PDFs\"", "Use when: asked # about PDFs")]
    [InlineData("description: '- starts with a dash'", "- starts with a dash")]
    [InlineData("description:    padded   ", "padded")]
    [InlineData("description: Multi\n  line plain\n  scalar", "Multi line plain scalar")]
    public void descriptions_accept_every_yaml_string_style_and_are_trimmed(string descriptionYaml, string description) =>
        Valid(SkillText.With($"name: pdf-tools\n{descriptionYaml}")).Description.ShouldBe(description);

    [Fact]
    public void anchors_and_aliases_are_followed()
    {
        var document = Valid(SkillText.With(
            "name: &n pdf-tools\ndescription: &d Extracts text.\nmetadata:\n  summary: *d\n  id: *n"));

        document.Metadata["summary"].ShouldBe("Extracts text.");
        document.Metadata["id"].ShouldBe("pdf-tools");
    }

    [Fact]
    public void metadata_values_are_kept_as_their_text()
    {
        var document = Valid(SkillText.WithValidFieldsAnd(
            "metadata:\n  version: 1.0\n  draft: true\n  count: 0x1F\n  empty:\n  quoted: \"null\"\n  note: >\n    folded text\n"));

        document.Metadata.ShouldBe(new Dictionary<string, string>
        {
            ["version"] = "1.0", ["draft"] = "true", ["count"] = "0x1F", ["empty"] = "", ["quoted"] = "null", ["note"] = "folded text",
        });
    }

    [Theory]
    [InlineData("allowed-tools: Read Grep  Glob", new[] { "Read", "Grep", "Glob" })]
    [InlineData("allowed-tools: Read, Grep, Glob", new[] { "Read", "Grep", "Glob" })]
    [InlineData("allowed-tools: Bash(git status:*) Bash(git diff, git log) Read", new[] { "Bash(git status:*)", "Bash(git diff, git log)", "Read" })]
    [InlineData("allowed-tools: Bash(unclosed paren Read", new[] { "Bash(unclosed paren Read" })]
    [InlineData("allowed-tools: [Read, \" Grep \"]", new[] { "Read", "Grep" })]
    [InlineData("allowed-tools:\n  - Bash(git status)\n  - Read", new[] { "Bash(git status)", "Read" })]
    [InlineData("allowed-tools: \"\"", new string[0])]
    [InlineData("allowed-tools:", new string[0])]
    public void allowed_tools_are_a_space_separated_string_or_a_list(string toolsYaml, string[] tools) =>
        Valid(SkillText.WithValidFieldsAnd(toolsYaml)).AllowedTools.ShouldBe(tools);

    [Theory]
    [InlineData("license: ''")]
    [InlineData("license: '   '")]
    [InlineData("license:")]
    [InlineData("license: ~")]
    public void a_blank_optional_field_counts_as_not_given(string licenseYaml) =>
        Valid(SkillText.WithValidFieldsAnd(licenseYaml)).License.ShouldBeNull();

    [Fact]
    public void crlf_line_endings_a_byte_order_mark_and_leading_blank_lines_are_tolerated()
    {
        var document = Valid("\uFEFF\r\n  \r\n---  \r\nname: pdf-tools\r\ndescription: >\r\n  Two\r\n  lines.\r\n---\r\n\r\n# Title\r\nText\r\n");

        document.Description.ShouldBe("Two lines.");
        document.Body.ShouldBe("# Title\nText\n");
    }

    [Theory]
    [InlineData("---\nname: a\ndescription: d\n---", "")]
    [InlineData("---\nname: a\ndescription: d\n---\n", "")]
    [InlineData("---\nname: a\ndescription: d\n---\nBody", "Body")]
    [InlineData("---\nname: a\ndescription: d\n---\n\n\n\nBody\n", "Body\n")]
    [InlineData("---\nname: a\ndescription: d\n---\n  indented\n", "  indented\n")]
    [InlineData("---\nname: a\ndescription: d\n---\nAbove\n---\nBelow", "Above\n---\nBelow")]
    public void the_body_is_everything_after_the_closing_line_without_leading_line_breaks(string markdown, string body) =>
        Valid(markdown).Body.ShouldBe(body);

    [Fact]
    public void an_indented_dash_line_does_not_close_the_front_matter()
    {
        var document = Valid("---\nname: a\ndescription: |-\n  one\n  ---\n  two\n---\nBody");

        document.Description.ShouldBe("one\n---\ntwo");
    }

    [Fact]
    public void parse_never_throws_on_null()
    {
        var result = SkillDocument.Parse(null!);

        result.Document.ShouldBeNull();
        result.Problems.ShouldHaveSingleItem().Field.ShouldBe("front-matter");
    }
}
