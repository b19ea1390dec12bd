using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Promptmark.Api.Infrastructure.Database;

internal static class LibC
{
    // Same value on glibc and musl: 1 << LC_CTYPE, with LC_CTYPE = 0.
    public const int LcCtypeMask = 1;

    [DllImport("libc")]
    public static extern uint geteuid();

    [DllImport("libc")]
    public static extern int flock(SafeFileHandle file, int operation);

    [DllImport("libc")]
    public static extern IntPtr getpwnam(string name);

    [DllImport("libc")]
    public static extern IntPtr newlocale(int categoryMask, string locale, IntPtr baseLocale);

    [DllImport("libc")]
    public static extern void freelocale(IntPtr locale);
}
