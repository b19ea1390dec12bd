using Promptmark.Api.Features.Skills;

namespace Promptmark.Api.Tests.Skills;

public class SkillRoundTripTests
{
    public static TheoryData<string> TrickyStrings => new()
    {
        "Use when: the user asks about PDFs",
        "Ends with a colon:",
        "C# helper, #1 in class # not a comment",
        "- starts with a dash",
        "? starts with a question mark",
        ": starts with a colon",
        "\"double\" and 'single' quotes",
        "'starts with a quote",
        "\"starts with a double quote",
        "back\\slash \\n not a newline",
        "line one\nline two\n\nline four after a blank",
        "line with trailing space \nnext",
        "first\n  indented second\n\ttabbed third",
        "tab\tinside",
        "yes", "No", "ON", "off", "y", "true", "False", "null", "Null", "~",
        "123", "1.5", "0x1F", ".5", "+1", "-1", ".inf", "2024-01-01", "1_000",
        "[not a list]", "{not: a map}", "*not-an-alias", "&not-an-anchor", "!not-a-tag", "%percent", "@at", "`backtick`",
        "| pipe", "> greater", "<< merge-looking",
        "---", "...", "--- x",
        "emoji 😀 and accents café", "zero\u200Bwidth",
        "control\u0001char", "del\u007Fchar", "nel\u0085char", "line\u2028separator", "bom\uFEFFinside",
    };

    [Theory]
    [MemberData(nameof(TrickyStrings))]
    public void tricky_strings_survive_in_every_field(string text)
    {
        var document = new SkillDocument(
            "pdf-tools",
            text,
            text,
            text,
            new Dictionary<string, string> { [text] = text, ["plain"] = text },
            ["Read", text],
            $"# Body\n\n{text}\n");

        RoundTrip(document).ShouldBe(document);
    }

    [Theory]
    [InlineData(new[] { "Read", "Grep" }, "allowed-tools: Read Grep\n")]
    [InlineData(new[] { "Bash(git status:*)", "Read" }, "allowed-tools: Bash(git status:*) Read\n")]
    [InlineData(new[] { "Read, Grep" }, "allowed-tools:\n  - Read, Grep\n")]
    [InlineData(new[] { "Bash(unclosed", "Read" }, "allowed-tools:\n  - Bash(unclosed\n  - Read\n")]
    public void allowed_tools_are_written_space_separated_when_that_reads_back_the_same(string[] tools, string yaml)
    {
        var document = new SkillDocument("a", "d", null, null, new Dictionary<string, string>(), tools, "");

        document.ToMarkdown().ShouldBe($"---\nname: a\ndescription: d\n{yaml}---\n");
        RoundTrip(document).ShouldBe(document);
    }

    [Fact]
    public void to_markdown_writes_the_canonical_form()
    {
        var parsed = SkillDocument.Parse("""
            ---
            allowed-tools: [Read, Grep]
            metadata: {version: 2.0, author: "Ada: Countess"}
            x-extra: dropped
            compatibility: >
              Python 3.12,
              poppler
            license: MIT
            description: >
              Extracts text. Use when: asked.
            name: pdf-tools
            ---
            # PDF tools
            Steps.
            """).Document.ShouldNotBeNull();

        parsed.ToMarkdown().ShouldBe("""
            ---
            name: pdf-tools
            description: "Extracts text. Use when: asked."
            license: MIT
            compatibility: Python 3.12, poppler
            metadata:
              version: "2.0"
              author: "Ada: Countess"
            allowed-tools: Read Grep
            ---

            # PDF tools
            Steps.
            """);
    }

    [Fact]
    public void multi_line_text_is_written_as_a_literal_block()
    {
        var document = new SkillDocument(
            "a", "First line.\n\nSecond paragraph.", null, null,
            new Dictionary<string, string> { ["notes"] = "one\ntwo" }, [], "");

        document.ToMarkdown().ShouldBe(
            "---\nname: a\ndescription: |-\n  First line.\n\n  Second paragraph.\nmetadata:\n  notes: |-\n    one\n    two\n---\n");
        RoundTrip(document).ShouldBe(document);
    }

    [Fact]
    public void a_very_long_metadata_key_uses_the_explicit_key_form()
    {
        var key = new string('k', 1500);
        var document = new SkillDocument("a", "d", null, null, new Dictionary<string, string> { [key] = "v" }, [], "");

        RoundTrip(document).ShouldBe(document);
    }

    [Fact]
    public void writing_a_parsed_document_again_changes_nothing()
    {
        var markdown = SkillDocument.Parse(SkillText.WithValidFieldsAnd(
            "license: MIT\nmetadata:\n  a: 'x: y'\nallowed-tools:\n  - Bash(ls -la)")).Document!.ToMarkdown();

        SkillDocument.Parse(markdown).Document!.ToMarkdown().ShouldBe(markdown);
    }

    [Fact]
    public void random_strings_round_trip()
    {
        const string alphabet = "ab Z09-_:#'\"\\\n\t{}[],&*!|>%@`?.~+ éü😀\u0085\u2028\u0007";
        var random = new Random(20240601);
        for (var attempt = 0; attempt < 5_000; attempt++)
        {
            var text = RandomText(random, alphabet);
            var trimmed = text.Trim();
            var document = new SkillDocument(
                "a",
                trimmed,
                trimmed.Length > 0 ? trimmed : null,
                null,
                new Dictionary<string, string> { [text] = trimmed },
                trimmed.Length > 0 ? ["Read", trimmed] : [],
                "");

            var markdown = document.ToMarkdown();
            SkillDocument.Parse(markdown).Document.ShouldBe(document, markdown);
        }
    }

    [Fact]
    public void equality_compares_metadata_as_a_dictionary_and_tools_in_order()
    {
        SkillDocument Make(Dictionary<string, string> metadata, string[] tools) =>
            new("a", "d", null, null, metadata, tools, "");

        Make(new() { ["x"] = "1", ["y"] = "2" }, ["Read", "Grep"])
            .ShouldBe(Make(new() { ["y"] = "2", ["x"] = "1" }, ["Read", "Grep"]));
        Make(new() { ["x"] = "1" }, ["Read", "Grep"])
            .ShouldNotBe(Make(new() { ["x"] = "2" }, ["Read", "Grep"]));
        Make(new() { ["x"] = "1" }, ["Read", "Grep"])
            .ShouldNotBe(Make(new() { ["x"] = "1" }, ["Grep", "Read"]));
    }

    private static SkillDocument RoundTrip(SkillDocument document)
    {
        var markdown = document.ToMarkdown();
        var result = SkillDocument.Parse(markdown);
        result.Problems.ShouldBeEmpty(markdown);
        return result.Document.ShouldNotBeNull();
    }

    private static string RandomText(Random random, string alphabet)
    {
        var runes = alphabet.EnumerateRunes().ToArray();
        var length = random.Next(1, 20);
        return string.Concat(Enumerable.Range(0, length).Select(_ => runes[random.Next(runes.Length)].ToString()));
    }
}
