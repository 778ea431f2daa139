// One folder of cache entries: lookup (validated), atomic store, safety checks on the folder itself.
using System;
using System.IO;

namespace NumbaWeaver.Cache;

/// <summary>
/// Entries are files <c>&lt;key&gt;.nwc</c> in <see cref="Folder"/>. Every failure degrades to "compile again":
/// a bad entry is deleted and reported as a miss, an unusable folder turns writes off. A folder other users
/// may write to is refused outright, since loading its files means running their code.
/// </summary>
public sealed class DiskCache
{
    /// <param name="folder">The folder holding the entries (created on first store when missing).</param>
    /// <param name="writable">False for precompiled libraries shipped with the program: never written or repaired.</param>
    public DiskCache(string folder, bool writable = true)
    {
        Folder = folder;
        Writable = writable;
    }

    public string Folder { get; }

    public bool Writable { get; }

    public string PathOf(string key) => Join(Folder, key + CacheEntryFile.Extension);

    /// <summary>
    /// <paramref name="folder"/>/<paramref name="name"/> for a plain file or folder name, as Path.Combine would join
    /// them: Path's static constructor (its separators are static fields, not constants) and span helpers cost a
    /// process's first hit their type loads.
    /// </summary>
    internal static string Join(string folder, string name)
    {
        if (folder.Length == 0) return name;
        char last = folder[folder.Length - 1];
        return last == '/' || OperatingSystem.IsWindows() && last == '\\' ? folder + name : folder + (OperatingSystem.IsWindows() ? "\\" : "/") + name;
    }

    /// <summary>The valid entry stored under <paramref name="key"/>, or null (missing, unsafe folder, or rejected).</summary>
    public CacheEntryFile.Entry? TryLoad(string key, string what)
    {
        string path = PathOf(key);
        byte[]? bytes;
        try
        {
            bytes = NativeFiles.Available ? NativeFiles.TryReadAll(path) : ReadByFramework(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            CacheLog.Debug($"miss {what}: cannot read {path}: {e.Message}");
            return null;
        }
        if (bytes is null)
        {
            CacheLog.Debug($"miss {what}: no readable {path}");
            return null;
        }
        if (!IsSafe(out string? unsafeReason))
        {
            CacheLog.WarnOnce(Folder, $"NumbaWeaver ignores the cache folder {Folder}: {unsafeReason}");
            return null;
        }
        var entry = CacheEntryFile.TryParse(bytes, key, out string? problem);
        if (entry is null)
        {
            CacheStatistics.Reject();
            CacheLog.Debug($"rejected {path} for {what}: {problem}; recompiling");
            Discard(path);
        }
        return entry;
    }

    // Apart from TryLoad, and not inlined: see IsSafeByFramework.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static byte[]? ReadByFramework(string path) => File.Exists(path) ? File.ReadAllBytes(path) : null;

    /// <summary>Stores an entry; false (with a debug message) when the folder cannot be used.</summary>
    public bool TryStore(string key, CacheEntryFile.Entry entry, string what)
    {
        if (!Writable) return false;
        try
        {
            // mkdir(2) first: the framework's directory and file stack costs milliseconds on its first use.
            if (!NativeFiles.TryMakeDirectory(Folder, 0x1C0) && !Directory.Exists(Folder)) // 0700
            {
                if (OperatingSystem.IsWindows()) Directory.CreateDirectory(Folder);
                else Directory.CreateDirectory(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            if (!IsSafe(out string? unsafeReason))
            {
                CacheLog.WarnOnce(Folder, $"NumbaWeaver does not write to the cache folder {Folder}: {unsafeReason}");
                CacheStatistics.StoreFailed();
                return false;
            }
            CacheEntryFile.WriteAtomically(PathOf(key), key, entry);
            CacheStatistics.Stored();
            CacheLog.Debug($"stored {what} in {PathOf(key)} ({entry.ObjectCode.Length} bytes of object code)");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            CacheStatistics.StoreFailed();
            CacheLog.Debug($"cannot store {what} in {Folder}: {e.Message}; the compiled code is used without caching");
            return false;
        }
    }

    /// <summary>Deletes every entry (and leftover temporary file) of this folder; returns how many files went.</summary>
    public int Clear()
    {
        if (!Directory.Exists(Folder)) return 0;
        int removed = 0;
        foreach (string file in Directory.EnumerateFiles(Folder))
        {
            if (!file.EndsWith(CacheEntryFile.Extension, StringComparison.Ordinal) && !file.EndsWith(".tmp", StringComparison.Ordinal)) continue;
            Discard(file);
            removed++;
        }
        return removed;
    }

    /// <summary>False when group or others may write to the folder or to its parent (they could plant code).</summary>
    public bool IsSafe(out string? reason)
    {
        reason = null;
        if (OperatingSystem.IsWindows()) return true;
        if (NativeFiles.TryStat(Folder, out var status))
            return IsSafeMode((int)(status.Mode & 0xFFF), out reason);
        return IsSafeByFramework(out reason);
    }

    // Apart from IsSafe, and not inlined: a method that mentions DirectoryInfo loads the framework's file-system
    // types when it is first called, whether or not it takes that branch (0.2 ms of a first call, measured).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private bool IsSafeByFramework(out string? reason)
    {
        reason = null;
        var dir = new DirectoryInfo(Folder);
        return !dir.Exists || IsSafeMode((int)dir.UnixFileMode, out reason);
    }

    // The permission bits as an int (group write 0o020, others write 0o002): the UnixFileMode enum is one more type
    // for a process's first hit to load.
    private static bool IsSafeMode(int mode, out string? reason)
    {
        reason = null;
        if ((mode & 0x12) == 0) return true;
        reason = $"it is writable by other users (mode {Convert.ToString(mode, 8)}); run chmod go-w on it";
        return false;
    }

    private void Discard(string path)
    {
        if (!Writable) return;
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            CacheLog.Debug($"cannot delete {path}: {e.Message}");
        }
    }
}
