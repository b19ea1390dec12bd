namespace Promptmark.Api.Tests.Scans.Corpus;

public static partial class CleanPrompts
{
    public static IReadOnlyList<(string Name, string Text)> All => [.. Coding, .. Assistants, .. Writing, .. Short];
}
