namespace Promptmark.Api.Infrastructure.Database;

internal static class ClusterLocale
{
    const string Utf8CharacterLocale = "C.UTF-8";

    /// <summary>
    /// Collation C (byte order: fast, and immune to collation changes when the C library is upgraded),
    /// with Unicode-aware upper/lower/ILIKE through C.UTF-8 where this machine has it.
    /// </summary>
    public static IReadOnlyList<string> InitdbArguments() =>
        HasLocale(Utf8CharacterLocale) ? ["--locale=C", $"--lc-ctype={Utf8CharacterLocale}"] : ["--locale=C"];

    static bool HasLocale(string name)
    {
        var locale = LibC.newlocale(LibC.LcCtypeMask, name, IntPtr.Zero);
        if (locale == IntPtr.Zero) return false;
        LibC.freelocale(locale);
        return true;
    }
}
