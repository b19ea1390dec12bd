namespace Promptmark.Api.Features.Versions;

public enum DiffOperation { Equal, Removed, Added }

/// <summary>One line of a diff, with its line number on each side (null on the side it is absent from).</summary>
public sealed record DiffLine(DiffOperation Op, string Text, int? OldLine, int? NewLine);

/// <summary>
/// A line diff by longest common subsequence, after trimming the common head and tail (edits are usually local,
/// so the quadratic table stays small).
/// </summary>
public static class LineDiff
{
    public static IReadOnlyList<DiffLine> Compare(string before, string after)
    {
        var a = Lines(before);
        var b = Lines(after);
        var head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head]) head++;
        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[^(tail + 1)] == b[^(tail + 1)]) tail++;

        var result = new List<DiffLine>(a.Length + b.Length);
        for (var i = 0; i < head; i++) result.Add(new DiffLine(DiffOperation.Equal, a[i], i + 1, i + 1));
        Middle(a[head..(a.Length - tail)], b[head..(b.Length - tail)], head, result);
        for (var i = tail; i > 0; i--) result.Add(new DiffLine(DiffOperation.Equal, a[^i], a.Length - i + 1, b.Length - i + 1));
        return result;
    }

    /// <summary>Beyond this many cells the table would cost too much memory: the changed block is shown as removed, then added.</summary>
    private const long MaxTableCells = 4_000_000;

    private static void Middle(string[] a, string[] b, int offset, List<DiffLine> result)
    {
        if ((long)a.Length * b.Length > MaxTableCells)
        {
            result.AddRange(a.Select((line, i) => new DiffLine(DiffOperation.Removed, line, offset + i + 1, null)));
            result.AddRange(b.Select((line, i) => new DiffLine(DiffOperation.Added, line, null, offset + i + 1)));
            return;
        }
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
                result.Add(new DiffLine(DiffOperation.Equal, a[x], offset + ++x, offset + ++y));
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
                result.Add(new DiffLine(DiffOperation.Removed, a[x], offset + ++x, null));
            else
                result.Add(new DiffLine(DiffOperation.Added, b[y], null, offset + ++y));
        }
    }

    private static string[] Lines(string text) => text.Length == 0 ? [] : text.Replace("\r\n", "\n").Split('\n');
}
