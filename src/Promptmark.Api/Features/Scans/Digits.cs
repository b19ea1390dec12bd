namespace Promptmark.Api.Features.Scans;

internal static class Digits
{
    /// <summary>The digits of <paramref name="written"/> without its separators, copied into <paramref name="buffer"/>.</summary>
    public static ReadOnlySpan<char> Only(ReadOnlySpan<char> written, Span<char> buffer)
    {
        var count = 0;
        foreach (var c in written)
            if (char.IsAsciiDigit(c) && count < buffer.Length) buffer[count++] = c;
        return buffer[..count];
    }
}
