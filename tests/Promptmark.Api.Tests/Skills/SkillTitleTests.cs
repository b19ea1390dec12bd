using Promptmark.Api.Features.Skills;

namespace Promptmark.Api.Tests.Skills;

public class SkillTitleTests
{
    private static string TitleOf(string body) =>
        new SkillDocument("pdf-tools", "d", null, null, new Dictionary<string, string>(), [], body).Title;

    [Theory]
    [InlineData("# Extract PDFs\n\nSteps.", "Extract PDFs")]
    [InlineData("Intro paragraph.\n\n## Second level first\n# Later", "Second level first")]
    [InlineData("Extract PDFs\n============\n\nSteps.", "Extract PDFs")]
    [InlineData("#   Spaced   out   #", "Spaced out")]
    [InlineData("# Use *pdftotext* with `-layout` and [docs](https://example.com)", "Use pdftotext with -layout and docs")]
    [InlineData("# Fish &amp; chips <https://example.com>", "Fish & chips https://example.com")]
    [InlineData("```\n# not a heading\n```\n\n# Real heading", "Real heading")]
    [InlineData("    # indented code\n\n# Real heading", "Real heading")]
    [InlineData("#\n\n# After an empty heading", "After an empty heading")]
    [InlineData("> # Quoted heading", "Quoted heading")]
    public void the_title_is_the_text_of_the_first_heading(string body, string title) =>
        TitleOf(body).ShouldBe(title);

    [Theory]
    [InlineData("")]
    [InlineData("Just a paragraph.")]
    [InlineData("#hashtag is not a heading")]
    public void without_a_heading_the_title_is_the_name(string body) =>
        TitleOf(body).ShouldBe("pdf-tools");

    [Fact]
    public void an_absurdly_nested_body_falls_back_to_the_name() =>
        TitleOf(new string('>', 50_000) + " # Deep").ShouldBe("pdf-tools");
}
