// Machine code compiled at build time and shipped next to the assembly: pick the best variant this CPU runs.
using System;
using System.IO;
using System.Reflection;
using NumbaWeaver.IR;

namespace NumbaWeaver.Cache;

/// <summary>
/// The build writes <c>&lt;Assembly&gt;.numba/&lt;level&gt;/&lt;key&gt;.nwc</c> next to the assembly (one folder per
/// x86-64 level from <c>NumbaPrecompileCpus</c>). At run time the best level the CPU supports that the build
/// produced is used, read-only, with the same entry format and validation as the disk cache.
/// </summary>
public sealed class PrecompiledLibrary
{
    /// <summary>The folder suffix next to the assembly file.</summary>
    public const string FolderSuffix = ".numba";

    private PrecompiledLibrary(string level, DiskCache store)
    {
        Level = level;
        Store = store;
    }

    /// <summary>The chosen x86-64 level, e.g. <c>x86-64-v3</c>.</summary>
    public string Level { get; }

    public DiskCache Store { get; }

    /// <summary>The library shipped with <paramref name="assembly"/> for this CPU, or null when there is none.</summary>
    public static PrecompiledLibrary? For(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        // Read once: each Location call asks the runtime again and builds a new string, on a first call's path.
        string location = AssemblyIdentity.FilePath(assembly);
        string root = FolderOf(location);
        if (!NativeFiles.FolderExists(root)) return null;
        foreach (string level in CpuIdentity.Levels)
        {
            string folder = DiskCache.Join(root, level);
            if (NativeFiles.FolderExists(folder))
            {
                CacheLog.Debug($"precompiled library {folder} selected for this CPU");
                return new PrecompiledLibrary(level, new DiskCache(folder, writable: false));
            }
        }
        CacheLog.Debug($"precompiled library {root} has no variant this CPU supports ({string.Join(", ", CpuIdentity.SupportedLevels())})");
        return null;
    }

    /// <summary>The precompiled-code folder of an assembly file.</summary>
    public static string FolderOf(string assemblyPath)
    {
        // Split by hand: Path.GetFileNameWithoutExtension's vectorised search costs a first call 1.4 ms of type loading.
        // '/' and the platform's own separator as literals: Path's are static fields, whose class constructor a first hit would run.
        int slash = InvariantText.LastIndexOfAny(assemblyPath, '/', OperatingSystem.IsWindows() ? '\\' : '/');
        string folder = slash < 0 ? "" : assemblyPath.Substring(0, slash == 0 ? 1 : slash);
        string file = assemblyPath.Substring(slash + 1);
        int dot = InvariantText.LastIndexOf(file, '.');
        return DiskCache.Join(folder, (dot >= 0 ? file.Substring(0, dot) : file) + FolderSuffix);
    }
}
