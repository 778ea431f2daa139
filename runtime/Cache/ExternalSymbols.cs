// Resolves the C library symbols loaded machine code calls (libm's sin, memset, compiler-rt helpers) without LLVM.
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using NumbaWeaver.IR;

namespace NumbaWeaver.Cache;

/// <summary>Looks a symbol up among the runtime's own entry points (names starting <c>numbaweaver_</c>), then in the
/// process's global scope (as LLJIT's process-symbol generator does), then in libm, libc and libgcc_s.</summary>
internal static unsafe partial class ExternalSymbols
{
    private static readonly string[] Libraries = ["libm.so.6", "libc.so.6", "libgcc_s.so.1"];
    // Reference-type collections and plain loops only: this runs on the first call of a cached or precompiled
    // method, where every jitted value-type generic instantiation costs latency (docs/cache.md).
    // Boxed addresses as object: StrongBox<nint> has no precompiled code and would be jitted on the first load.
    private static readonly Dictionary<string, object> Resolved = new(StringComparer.Ordinal);
    private static nint[]? handles; // opened on first need (the fallback path), under Resolved's lock; no Lazy<T> to build

    /// <summary>Every symbol the runtime itself defines starts with this (RuntimeSymbols, ParallelRuntime).</summary>
    private const string RuntimePrefix = "numbaweaver_";

    public static nint Resolve(string name)
    {
        lock (Resolved)
        {
            if (!Resolved.TryGetValue(name, out object? box)) Resolved.Add(name, box = Lookup(name));
            return (nint)box;
        }
    }

    private static nint Lookup(string name)
    {
        // C library names first without touching the runtime's tables: building those (function pointers of
        // [UnmanagedCallersOnly] methods) costs more than a kernel's whole load when it only calls libm.
        if (!InvariantText.StartsWith(name, RuntimePrefix)) return LookupInLibraries(name);
        nint address = RuntimeSymbol(name);
        return address != 0 ? address : LookupInLibraries(name);
    }

    /// <summary>
    /// The runtime's own entry points (numbaweaver_parallel_for) and callbacks (numbaweaver_raise ...), bound by name as
    /// NativeJit does; only the one asked for is materialised. 0 for a name the runtime does not define.
    /// </summary>
    internal static nint RuntimeSymbol(string name)
    {
        nint address = Parallel.ParallelRuntime.FindSymbol(name);
        return address != 0 ? address : NumbaWeaver.Backend.RuntimeSymbols.Find(name);
    }

    private static nint LookupInLibraries(string name)
    {
        // The process's global scope first (the dotnet host already links libm and libc): no dlopen at all.
        nint global = GlobalSymbol(name);
        if (global != 0) return global;
        if (NativeLibrary.TryGetExport(NativeLibrary.GetMainProgramHandle(), name, out global)) return global;
        foreach (nint handle in handles ??= OpenHandles())
        {
            if (NativeLibrary.TryGetExport(handle, name, out nint address)) return address;
        }
        throw new EntryPointNotFoundException($"machine code needs the symbol '{name}', which the process does not provide");
    }

    // dlsym(RTLD_DEFAULT, name), declared: NativeLibrary's first use costs a first call about 0.6 ms (measured).
    // glibc has dlsym in libc.so.6 from 2.34; before, the import is missing and NativeLibrary answers.
    [LibraryImport("libc.so.6", EntryPoint = "dlsym")]
    private static partial nint Dlsym(nint handle, byte* name);

    private static bool dlsymMissing;

    private static nint GlobalSymbol(string name)
    {
        if (dlsymMissing || !OperatingSystem.IsLinux()) return 0;
        byte[] terminated = NativeFiles.CString(name);
        try
        {
            fixed (byte* p = terminated) return Dlsym(0, p); // RTLD_DEFAULT: the global scope, as the main program handle
        }
        catch (EntryPointNotFoundException)
        {
            dlsymMissing = true;
            return 0;
        }
    }

    private static nint[] OpenHandles()
    {
        var handles = new nint[Libraries.Length];
        int count = 0;
        foreach (string library in Libraries)
        {
            if (NativeLibrary.TryLoad(library, out nint handle)) handles[count++] = handle;
        }
        var opened = new nint[count];
        for (int i = 0; i < count; i++) opened[i] = handles[i];
        return opened;
    }
}
