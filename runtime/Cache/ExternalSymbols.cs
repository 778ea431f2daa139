// Resolves the C library symbols loaded machine code calls (libm's sin, memset, compiler-rt helpers) without LLVM.
using System;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace NumbaWeaver.Cache;

/// <summary>Looks a symbol up among the runtime's own entry points, then in the process (as LLJIT's process-symbol generator does), then in libm, libc and libgcc_s.</summary>
internal static class ExternalSymbols
{
    private static readonly string[] Libraries = ["libm.so.6", "libc.so.6", "libgcc_s.so.1"];
    private static readonly ConcurrentDictionary<string, nint> Resolved = new();
    private static readonly Lazy<nint[]> Handles = new(OpenHandles);

    public static nint Resolve(string name) => Resolved.GetOrAdd(name, Lookup);

    private static nint Lookup(string name)
    {
        // The runtime's own entry points (e.g. numbaweaver_parallel_for), bound by name as NativeJit does.
        foreach (var symbol in Parallel.ParallelRuntime.Symbols)
        {
            if (symbol.Name == name) return symbol.Address;
        }
        // The runtime's own callbacks (numbaweaver_raise ...), which LLJIT gets as absolute symbols.
        foreach (var (symbol, address) in NumbaWeaver.Backend.RuntimeSymbols.All)
            if (symbol == name) return address;
        foreach (nint handle in Handles.Value)
        {
            if (NativeLibrary.TryGetExport(handle, name, out nint address)) return address;
        }
        throw new EntryPointNotFoundException($"machine code needs the symbol '{name}', which the process does not provide");
    }

    private static nint[] OpenHandles()
    {
        var handles = new System.Collections.Generic.List<nint> { NativeLibrary.GetMainProgramHandle() };
        foreach (string library in Libraries)
        {
            if (NativeLibrary.TryLoad(library, out nint handle)) handles.Add(handle);
        }
        return handles.ToArray();
    }
}
