// Public API of the disk cache: where it lives, and clearing it.
using System.IO;
using System.Reflection;
using System.Text;
using System;
using NumbaWeaver.Config;
using NumbaWeaver.IR;

namespace NumbaWeaver.Cache;

/// <summary>
/// The cache root is NUMBA_CACHE_DIR (or the MSBuild property NumbaCacheDir), else $XDG_CACHE_HOME/numbaweaver,
/// else ~/.cache/numbaweaver; each assembly gets its own folder, named after its identity (docs/cache.md).
/// </summary>
public static class NumbaCache
{
    /// <summary>The root folder holding one folder per assembly.</summary>
    public static string Root { get; } = ComputeRoot(NumbaConfig.CacheDir);

    /// <summary>The folder of <paramref name="assembly"/>'s entries: <c>Name-Version-hash</c> of its full name.</summary>
    public static string FolderFor(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        string identity = Sha256.HexOf(AssemblyIdentity.FullName(assembly))[..12];
        // Two concatenations: string.Concat of more than four pieces builds an inline array type at run time.
        return DiskCache.Join(Root, AssemblyIdentity.SimpleName(assembly) + "-" + AssemblyIdentity.Version(assembly) + ("-" + identity));
    }

    /// <summary>Deletes the cached entries of <paramref name="assembly"/>; returns how many files were removed.</summary>
    public static int Clear(Assembly assembly) => new DiskCache(FolderFor(assembly)).Clear();

    /// <summary>Deletes the cached entries of every assembly under <see cref="Root"/>.</summary>
    public static int ClearAll()
    {
        if (!Directory.Exists(Root)) return 0;
        int removed = 0;
        foreach (string folder in Directory.EnumerateDirectories(Root)) removed += new DiskCache(folder).Clear();
        return removed;
    }

    internal static string ComputeRoot(string? configured)
    {
        // An absolute path with nothing to normalise is used as is: Path.GetFullPath's searches cost a first call a millisecond.
        if (!string.IsNullOrEmpty(configured)) return IsPlainAbsolute(configured) ? configured : Path.GetFullPath(configured);
        return DefaultRoot();
    }

    // Apart from ComputeRoot, and not inlined: a method that mentions GetFolderPath loads its types on its first call,
    // whichever branch it takes (docs/cache.md, "Why the first call is fast").
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static string DefaultRoot()
    {
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)) return Path.Combine(xdg, "numbaweaver");
        if (OperatingSystem.IsWindows())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "numbaweaver");
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "numbaweaver");
    }

    /// <summary>Rooted at '/', without "//" or "/." segments: what Path.GetFullPath returns unchanged on Unix.</summary>
    internal static bool IsPlainAbsolute(string path)
    {
        if (OperatingSystem.IsWindows() || path.Length == 0 || path[0] != '/') return false;
        for (int i = 1; i < path.Length; i++)
            if (path[i - 1] == '/' && (path[i] == '/' || path[i] == '.')) return false;
        return true;
    }
}
