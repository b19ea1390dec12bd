using Promptmark.Api.Features.Versions;

namespace Promptmark.Api.Tests.Versions;

public sealed class LineDiffTests
{
    [Theory]
    [InlineData("", "", "")]
    [InlineData("a", "a", "=a")]
    [InlineData("", "a\nb", "+a +b")]
    [InlineData("a\nb", "", "-a -b")]
    [InlineData("a\nb\nc", "a\nc", "=a -b =c")]
    [InlineData("a\nc", "a\nb\nc", "=a +b =c")]
    [InlineData("a\nb\nc", "a\nx\nc", "=a -b +x =c")]
    [InlineData("x\na\nb", "a\nb\ny", "-x =a =b +y")]
    [InlineData("a\r\nb", "a\nb", "=a =b")]
    public void lines_are_compared_by_longest_common_subsequence(string before, string after, string expected)
    {
        var rendered = LineDiff.Compare(before, after).Select(l => (l.Op switch
        {
            DiffOperation.Equal => "=",
            DiffOperation.Added => "+",
            _ => "-",
        }) + l.Text);
        string.Join(" ", rendered).ShouldBe(expected);
    }

    [Fact]
    public void line_numbers_follow_each_side()
    {
        var lines = LineDiff.Compare("a\nb\nc", "a\nx\nc");
        lines.Select(l => (l.OldLine, l.NewLine)).ShouldBe([(1, 1), (2, null), (null, 2), (3, 3)]);
    }

    [Fact]
    public void a_huge_rewrite_falls_back_to_removed_then_added()
    {
        var before = string.Join('\n', Enumerable.Range(0, 3000).Select(i => $"old {i}"));
        var after = string.Join('\n', Enumerable.Range(0, 3000).Select(i => $"new {i}"));
        var lines = LineDiff.Compare(before, after);
        lines.Count.ShouldBe(6000);
        lines.Take(3000).ShouldAllBe(l => l.Op == DiffOperation.Removed);
    }
}
