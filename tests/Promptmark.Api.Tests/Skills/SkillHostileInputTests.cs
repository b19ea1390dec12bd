using Promptmark.Api.Features.Skills;

namespace Promptmark.Api.Tests.Skills;

public class SkillHostileInputTests
{
    [Fact]
    public void megabytes_without_front_matter_are_refused() =>
        SkillDocument.Parse(new string('x', 20_000_000)).Problems.ShouldHaveSingleItem().Field.ShouldBe("front-matter");

    [Fact]
    public void front_matter_that_never_closes_is_refused() =>
        SkillDocument.Parse("---\n" + string.Concat(Enumerable.Repeat("key: value\n", 1_000_000)))
            .Problems.ShouldHaveSingleItem().Message.ShouldStartWith("the front matter opened on line 1 is never closed");

    [Fact]
    public void oversized_front_matter_is_refused_before_yaml_is_read() =>
        SkillDocument.Parse(SkillText.With(string.Concat(Enumerable.Repeat("- [a, {b: c}]\n", 500_000))))
            .Problems.ShouldHaveSingleItem().Message.ShouldStartWith("front matter is 7000001 bytes");

    [Fact]
    public void a_huge_body_is_reported()
    {
        var result = SkillDocument.Parse(SkillText.With(SkillText.ValidFields, new string('b', 10_000_000)));

        result.Problems.ShouldHaveSingleItem().Field.ShouldBe("body");
    }

    [Fact]
    public void alias_bombs_are_not_expanded()
    {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
                   + string.Concat("bcdefghijklmnop".Select((level, index) =>
                       $"{level}: &{level} [{string.Join(", ", Enumerable.Repeat($"*{"abcdefghijklmnop"[index]}", 10))}]\n"));

        var result = SkillDocument.Parse(SkillText.WithValidFieldsAnd(bomb + "metadata: *p\nallowed-tools: *p"));

        result.Problems.Count(problem => problem.Field == "metadata").ShouldBe(1);
        result.Problems.Count(problem => problem.Field == "allowed-tools").ShouldBe(10);
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    [InlineData("- ", "")]
    public void deep_nesting_is_refused_without_recursing(string open, string close)
    {
        var depth = 60_000 / (open.Length + close.Length);
        var nested = string.Concat(Enumerable.Repeat(open, depth)) + "x" + string.Concat(Enumerable.Repeat(close, depth));

        var problem = SkillDocument.Parse(SkillText.With(nested)).Problems.ShouldHaveSingleItem();

        problem.Field.ShouldBe("front-matter");
        problem.Message.ShouldContain("nested more than 32 levels deep");
    }

    [Fact]
    public void random_front_matter_never_throws()
    {
        const string alphabet = "ab:-?#&*!|>'\"%@`[]{},\n\t \\~.0\u0000\uD800\uDC00\u0085\u2028\uFEFF\r^$()<=\u00e9xuU";
        var random = new Random(7);
        for (var attempt = 0; attempt < 5_000; attempt++)
        {
            var yaml = new string(Enumerable.Range(0, random.Next(0, 60)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

            var result = SkillDocument.Parse(SkillText.With(yaml));

            (result.Document is not null || result.Problems.Count > 0).ShouldBeTrue();
        }
    }
}
