// Public API of the disk cache: where it lives, and clearing it.
using System.IO;
using System.Reflection;
using System.Text;
using System;
using NumbaWeaver.IR;

namespace NumbaWeaver.Cache;

/// <summary>
/// The cache root is NUMBA_CACHE_DIR (or the MSBuild property NumbaCacheDir), else $XDG_CACHE_HOME/numbaweaver,
/// else ~/.cache/numbaweaver; each assembly gets its own folder, named after its identity (docs/cache.md).
/// </summary>
public static class NumbaCache
{
    /// <summary>The root folder holding one folder per assembly.</summary>
    public static string Root => Entry.CacheRoot.Value;

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
}
