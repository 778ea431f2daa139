// Pages for loaded machine code: mapped read-write, then sealed read-execute (never both at once).
using System;
using System.Runtime.InteropServices;

namespace NumbaWeaver.Cache;

/// <summary>Thin mmap/mprotect/munmap binding (Linux, libc.so.6). Code mapped here lives until the process exits.</summary>
internal static partial class ExecutableMemory
{
    private const string Libc = "libc.so.6";
    private const int ProtRead = 1, ProtWrite = 2, ProtExec = 4;
    private const int MapPrivate = 0x02, MapAnonymous = 0x20;

    // 4 KiB on x86-64, the only architecture the loader maps code for: Environment.SystemPageSize's sysconf interop cost
    // a process's first hit three type loads.
    public static int PageSize { get; } = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 4096 : Environment.SystemPageSize;

    /// <summary>Read-write, zero-filled pages of at least <paramref name="size"/> bytes.</summary>
    public static nint Allocate(long size)
    {
        nint address = Mmap(0, (nuint)RoundUp(size), ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
        if (address == -1) throw new OutOfMemoryException($"mmap of {size} bytes failed (errno {NativeFiles.LastErrno()})");
        return address;
    }

    /// <summary>Makes [address, address+size) read-execute; address must be page-aligned.</summary>
    public static void SealExecutable(nint address, long size)
    {
        if (size > 0 && Mprotect(address, (nuint)RoundUp(size), ProtRead | ProtExec) != 0)
            throw new InvalidOperationException($"mprotect failed (errno {NativeFiles.LastErrno()})");
    }

    public static void Free(nint address, long size) => _ = Munmap(address, (nuint)RoundUp(size));

    public static long RoundUp(long size) => (Math.Max(size, 1) + PageSize - 1) / PageSize * PageSize;

    // Without SetLastError: see NativeFiles.ReadFunction.
    [LibraryImport(Libc, EntryPoint = "mmap")]
    private static partial nint Mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport(Libc, EntryPoint = "mprotect")]
    private static partial int Mprotect(nint address, nuint length, int protection);

    [LibraryImport(Libc, EntryPoint = "munmap")]
    private static partial int Munmap(nint address, nuint length);
}
