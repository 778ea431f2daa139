// Where the disk cache lives: NUMBA_CACHE_DIR, else the XDG cache folder.
using System;
using System.IO;

namespace NumbaWeaver.Entry;

/// <summary>
/// The cache root is NUMBA_CACHE_DIR (or the MSBuild property NumbaCacheDir), else $XDG_CACHE_HOME/numbaweaver, else
/// ~/.cache/numbaweaver (docs/cache.md). Computed here so a cached first call finds its entry without loading the
/// runtime; the runtime's public <c>NumbaCache.Root</c> is this value.
/// </summary>
internal static class CacheRoot
{
    /// <summary>The root folder holding one folder per assembly.</summary>
    public static readonly string Value = Compute(Switches.CacheDir);

    public static string Compute(string? configured)
    {
        // An absolute path with nothing to normalise is used as is: Path.GetFullPath's searches cost a first call a millisecond.
        if (!string.IsNullOrEmpty(configured)) return IsPlainAbsolute(configured) ? configured : Path.GetFullPath(configured);
        return Default();
    }

    // Apart from Compute, and not inlined: a method that mentions GetFolderPath loads its types on its first call,
    // whichever branch it takes (docs/cache.md, "Why the first call is fast").
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static string Default()
    {
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)) return Path.Combine(xdg, "numbaweaver");
        if (OperatingSystem.IsWindows())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "numbaweaver");
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "numbaweaver");
    }

    /// <summary>Rooted at '/', without "//" or "/." segments: what Path.GetFullPath returns unchanged on Unix.</summary>
    public static bool IsPlainAbsolute(string path)
    {
        if (OperatingSystem.IsWindows() || path.Length == 0 || path[0] != '/') return false;
        for (int i = 1; i < path.Length; i++)
            if (path[i - 1] == '/' && (path[i] == '/' || path[i] == '.')) return false;
        return true;
    }
}
