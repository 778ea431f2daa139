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
        if (OperatingSystem.IsWindows()) return FromFolderPath(Environment.SpecialFolder.LocalApplicationData, "numbaweaver");
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && xdg[0] == '/') return Join(xdg, "numbaweaver");
        // What GetFolderPath(UserProfile) returns on Unix when HOME is set, read directly: GetFolderPath and Path.Combine
        // cost a cached first call about 2 ms (measured: 4.3 against 1.9 ms).
        string? home = Environment.GetEnvironmentVariable("HOME");
        return !string.IsNullOrEmpty(home) ? Join(Join(home, ".cache"), "numbaweaver") : FromFolderPath(Environment.SpecialFolder.UserProfile, ".cache/numbaweaver");
    }

    // Path.Combine(folder, name) for a relative name on Unix.
    private static string Join(string folder, string name) => folder.Length > 0 && folder[^1] == '/' ? folder + name : folder + "/" + name;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static string FromFolderPath(Environment.SpecialFolder folder, string name) => Path.Combine(Environment.GetFolderPath(folder), name);

    /// <summary>Rooted at '/', without "//" or "/." segments: what Path.GetFullPath returns unchanged on Unix.</summary>
    public static bool IsPlainAbsolute(string path)
    {
        if (OperatingSystem.IsWindows() || path.Length == 0 || path[0] != '/') return false;
        for (int i = 1; i < path.Length; i++)
            if (path[i - 1] == '/' && (path[i] == '/' || path[i] == '.')) return false;
        return true;
    }
}
