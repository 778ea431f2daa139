// stat, open, read, write, rename and mkdir from libc: the cache's first read and write without the framework's file stack.
using System;
using System.Runtime.InteropServices;
using NumbaWeaver.IR;

namespace NumbaWeaver.Cache;

/// <summary>
/// The first use of .NET's file APIs in a process (FileInfo, File.ReadAllBytes, link resolution) costs
/// a few milliseconds of framework start-up, more than the rest of a cache hit. On Linux x86-64 the hit
/// path asks libc directly: one stat per LLVM candidate and for the folder's mode, one open/read/close for
/// the entry. Elsewhere <see cref="Available"/> is false and callers use the framework.
/// </summary>
internal static unsafe partial class NativeFiles
{
    private const int OpenReadOnlyCloseOnExec = 0x80000; // O_RDONLY | O_CLOEXEC
    private const int StatSize = 144;                    // sizeof(struct stat) for glibc on x86-64

    private const string Libc = "libc.so.6";

    // Declared imports, not function pointers: ReadyToRun precompiles these, a calli through a pointer needs a jitted stub.
    private static readonly bool HasLibc = OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64
        && ExportsStat();

    // glibc exports stat and fstat from 2.33 (older ones only __xstat): binding them once tells. Cheaper than asking
    // NativeLibrary for the exports, whose first use cost a first call 0.6 ms (measured), and the binding is needed anyway.
    private static bool ExportsStat()
    {
        try
        {
            byte* root = stackalloc byte[] { (byte)'/', 0 };
            byte* buffer = stackalloc byte[StatSize];
            _ = StatFunction(root, buffer);
            _ = FstatFunction(-1, buffer); // EBADF: only the binding matters
            return true;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport(Libc, EntryPoint = "stat")]
    private static partial int StatFunction(byte* path, byte* buffer);

    [LibraryImport(Libc, EntryPoint = "fstat")]
    private static partial int FstatFunction(int fd, byte* buffer);

    [LibraryImport(Libc, EntryPoint = "open")]
    private static partial int OpenFunction(byte* path, int flags);

    // No SetLastError on the hit path's imports (read, and mmap/mprotect in ExecutableMemory): its generated code
    // calls Marshal, whose facade assembly costs a process's first call 0.3 ms to load (measured). Failures read
    // errno with LastErrno instead, for the message only.
    [LibraryImport(Libc, EntryPoint = "read")]
    private static partial nint ReadFunction(int fd, byte* buffer, nuint count);

    [LibraryImport(Libc, EntryPoint = "__errno_location")]
    private static partial int* ErrnoLocation();

    /// <summary>errno right after a failed call (best effort: the runtime may run code between the two calls).</summary>
    public static int LastErrno() => *ErrnoLocation();

    [LibraryImport(Libc, EntryPoint = "close")]
    private static partial int CloseFunction(int fd);

    // open(2) is variadic; on x86-64 the mode travels in the third integer register like a fixed argument.
    [LibraryImport(Libc, EntryPoint = "open", SetLastError = true)]
    private static partial int CreateFunction(byte* path, int flags, uint mode);

    [LibraryImport(Libc, EntryPoint = "write", SetLastError = true)]
    private static partial nint WriteFunction(int fd, byte* buffer, nuint count);

    [LibraryImport(Libc, EntryPoint = "rename", SetLastError = true)]
    private static partial int RenameFunction(byte* from, byte* to);

    [LibraryImport(Libc, EntryPoint = "unlink")]
    private static partial int UnlinkFunction(byte* path);

    [LibraryImport(Libc, EntryPoint = "mkdir", SetLastError = true)]
    private static partial int MkdirFunction(byte* path, uint mode);

    /// <summary>True where libc was found (Linux x86-64 with glibc's symbol names).</summary>
    public static bool Available => HasLibc;

    /// <summary>What stat(2) says of a path, following links.</summary>
    public readonly struct Status
    {
        public Status(ulong device, ulong inode, uint mode, long size, long modifiedSeconds, long modifiedNanoseconds)
        {
            Device = device;
            Inode = inode;
            Mode = mode;
            Size = size;
            ModifiedSeconds = modifiedSeconds;
            ModifiedNanoseconds = modifiedNanoseconds;
        }

        public ulong Device { get; }
        public ulong Inode { get; }
        public uint Mode { get; }
        public long Size { get; }
        public long ModifiedSeconds { get; }
        public long ModifiedNanoseconds { get; }

        /// <summary>Device, inode, size and modification time in hex: changes whenever the file is replaced or rewritten.</summary>
        // Concatenated four pieces at a time: string.Concat of more than four builds an inline array type at run time.
        public string Identity() =>
            string.Concat(InvariantText.Hex(Device, 16) + ":" + InvariantText.Hex(Inode, 16), ":" + InvariantText.Hex((ulong)Size, 16),
                ":" + InvariantText.Hex((ulong)ModifiedSeconds, 16), "." + InvariantText.Hex((ulong)ModifiedNanoseconds, 8));
    }

    /// <summary>stat(2) of <paramref name="path"/>; false when it does not exist or cannot be examined.</summary>
    public static bool TryStat(string path, out Status status)
    {
        status = default;
        if (!Available) return false;
        byte[] name = CString(path);
        byte* buffer = stackalloc byte[StatSize];
        fixed (byte* p = name)
        {
            if (StatFunction(p, buffer) != 0) return false;
        }
        status = new Status(*(ulong*)buffer, *(ulong*)(buffer + 8), *(uint*)(buffer + 24), *(long*)(buffer + 48),
            *(long*)(buffer + 88), *(long*)(buffer + 96));
        return true;
    }

    /// <summary>The whole of a regular file (its size as fstat says), or null when it cannot be opened (missing, not readable); a failed read is an <see cref="System.IO.IOException"/>.</summary>
    public static byte[]? TryReadAll(string path)
    {
        if (!Available) throw new PlatformNotSupportedException("NativeFiles is for Linux x86-64");
        int fd = OpenForReading(path);
        if (fd < 0) return null;
        try
        {
            // fstat, not stat: another process may rename a new entry over the path after the open.
            byte* statBuffer = stackalloc byte[StatSize];
            if (FstatFunction(fd, statBuffer) != 0) return null;
            long size = *(long*)(statBuffer + 48);
            if (size < 0 || size > int.MaxValue) throw new System.IO.IOException($"{path} is too large to be a cache entry");
            var bytes = new byte[size];
            int done = 0;
            while (done < bytes.Length)
            {
                nint got;
                fixed (byte* data = bytes) got = ReadFunction(fd, data + done, (nuint)(bytes.Length - done));
                if (got < 0) throw new System.IO.IOException($"cannot read {path} (errno {LastErrno()})");
                if (got == 0) break; // shorter than fstat said: the entry's validation rejects it
                done += (int)got;
            }
            return done == bytes.Length ? bytes : Prefix(bytes, done);
        }
        finally
        {
            CloseFunction(fd);
        }
    }

    /// <summary>Creates <paramref name="path"/> with <paramref name="contents"/>, failing if it exists (O_EXCL): the
    /// temporary file of an atomic write. An <see cref="System.IO.IOException"/> when it cannot be created or written.</summary>
    public static void WriteNew(string path, byte[] contents)
    {
        if (!Available) throw new PlatformNotSupportedException("NativeFiles is for Linux x86-64");
        const int CreateExclusive = 0x1 | 0x40 | 0x80 | 0x80000; // O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC
        byte[] name = CString(path);
        int fd;
        fixed (byte* p = name) fd = CreateFunction(p, CreateExclusive, 0x1B6); // 0666, less the umask, as FileStream does
        if (fd < 0) throw new System.IO.IOException($"cannot create {path} (errno {Marshal.GetLastPInvokeError()})");
        try
        {
            int done = 0;
            while (done < contents.Length)
            {
                nint wrote;
                fixed (byte* data = contents) wrote = WriteFunction(fd, data + done, (nuint)(contents.Length - done));
                if (wrote <= 0) throw new System.IO.IOException($"cannot write {path} (errno {Marshal.GetLastPInvokeError()})");
                done += (int)wrote;
            }
        }
        finally
        {
            CloseFunction(fd);
        }
    }

    /// <summary>rename(2): replaces <paramref name="to"/> atomically within one file system.</summary>
    public static void Rename(string from, string to)
    {
        byte[] source = CString(from), target = CString(to);
        int result;
        fixed (byte* s = source)
        fixed (byte* t = target)
            result = RenameFunction(s, t);
        if (result != 0) throw new System.IO.IOException($"cannot rename {from} to {to} (errno {Marshal.GetLastPInvokeError()})");
    }

    /// <summary>Removes a file if it is there (errors ignored: used to tidy up after a failed write).</summary>
    public static void TryDelete(string path)
    {
        byte[] name = CString(path);
        fixed (byte* p = name) _ = UnlinkFunction(p);
    }

    /// <summary>mkdir(2) of one folder whose parent exists; true when it was made or already is a directory.</summary>
    public static bool TryMakeDirectory(string path, uint mode)
    {
        if (!Available) return false;
        byte[] name = CString(path);
        int result;
        fixed (byte* p = name) result = MkdirFunction(p, mode);
        return result == 0 || IsDirectory(path);
    }

    /// <summary>True when <paramref name="path"/> is a directory (following links).</summary>
    public static bool IsDirectory(string path) => TryStat(path, out var status) && (status.Mode & 0xF000) == 0x4000;

    /// <summary>Whether <paramref name="path"/> is a folder: stat(2) where libc is available, else the framework.</summary>
    public static bool FolderExists(string path) => Available ? IsDirectory(path) : FolderExistsByFramework(path);

    // Apart, and not inlined: a method that mentions the framework's folder APIs loads their types on its first call,
    // whichever branch it takes (docs/cache.md, "Why the first call is fast").
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static bool FolderExistsByFramework(string path) => System.IO.Directory.Exists(path);

    // Not Span<byte>.ToArray: its first use in a process cost 0.8 ms (measured); BlockCopy is already warm.
    private static byte[] Prefix(byte[] bytes, int count)
    {
        var prefix = new byte[count];
        Buffer.BlockCopy(bytes, 0, prefix, 0, count);
        return prefix;
    }

    private static int OpenForReading(string path)
    {
        byte[] name = CString(path);
        fixed (byte* p = name) return OpenFunction(p, OpenReadOnlyCloseOnExec);
    }

    /// <summary>The NUL-terminated UTF-8 bytes of <paramref name="path"/> (also the symbol names <see cref="ExternalSymbols"/> looks up).</summary>
    internal static byte[] CString(string path) => InvariantText.ToCString(path);
}
