// The least a precompiled first call must do, written for the purpose: map machine code read from a file and call it.
using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;

namespace NumbaWeaver.FirstCallFloor;

/// <summary>
/// A stub whose first call reads one switch from the environment, reads a file of machine code with libc's
/// open/read/close, maps it with mmap/mprotect and calls it through a function pointer, as a precompiled or
/// cached kernel's first call must at least; no key, checksum, CPU check, relocation or lookup. Measured in a
/// process of its own (`FirstCallFloor loader`), so that its first native call is the process's first.
/// </summary>
internal static unsafe class MinimalLoader
{
    private static delegate* unmanaged<int> entry;
    private static string codePath = "";

    /// <summary>Writes the code file (<c>mov eax, 42; ret</c>), then times the stub's first call.</summary>
    public static (double Milliseconds, int Result) Measure()
    {
        codePath = Path.Combine(Path.GetTempPath(), "numbaweaver-floor-" + Environment.ProcessId + ".bin");
        File.WriteAllBytes(codePath, [0xB8, 42, 0, 0, 0, 0xC3]);
        try
        {
            var clock = Stopwatch.StartNew();
            int result = Stub();
            return (clock.Elapsed.TotalMilliseconds, result);
        }
        finally
        {
            File.Delete(codePath);
        }
    }

    private static int Stub()
    {
        if (entry == null) Load();
        return entry();
    }

    private static void Load()
    {
        if (Environment.GetEnvironmentVariable("NUMBA_DISABLE_JIT") == "1") throw new InvalidOperationException("unset NUMBA_DISABLE_JIT");
        byte* path = stackalloc byte[codePath.Length + 1];
        for (int i = 0; i < codePath.Length; i++) path[i] = (byte)codePath[i];
        path[codePath.Length] = 0;
        byte* buffer = stackalloc byte[64];
        int file = Open(path, 0);
        nint length = Read(file, buffer, 64);
        _ = Close(file);
        if (length <= 0) throw new IOException("cannot read " + codePath);
        byte* code = (byte*)Map(null, 4096, 3 /* read, write */, 0x22 /* private, anonymous */, -1, 0);
        Buffer.MemoryCopy(buffer, code, 4096, length);
        if (Protect(code, 4096, 5 /* read, execute */) != 0) throw new InvalidOperationException("mprotect failed");
        entry = (delegate* unmanaged<int>)code;
    }

    [DllImport("libc.so.6", EntryPoint = "open")]
    private static extern int Open(byte* path, int flags);

    [DllImport("libc.so.6", EntryPoint = "read")]
    private static extern nint Read(int file, byte* buffer, nint count);

    [DllImport("libc.so.6", EntryPoint = "close")]
    private static extern int Close(int file);

    [DllImport("libc.so.6", EntryPoint = "mmap")]
    private static extern void* Map(void* address, nint length, int protection, int flags, int file, nint offset);

    [DllImport("libc.so.6", EntryPoint = "mprotect")]
    private static extern int Protect(void* address, nint length, int protection);
}
