// The entry points woven stubs call (docs/abi.md): a cached or precompiled hit served without loading the runtime.
using System;

namespace NumbaWeaver.Entry;

/// <summary>
/// A stub calls <see cref="ResolveIndexedIn"/> (or <see cref="ResolveGenericListedIn"/>) while its pointer field is still
/// zero. This assembly is small on purpose: loading the runtime assembly (a megabyte of ReadyToRun code) costs a process's
/// first call about 0.4 ms more than loading this one, and its types more again, so a clean native hit never loads it.
/// Everything else (a compile, a managed hit, a fallback) goes to the runtime's dispatcher, which does what it always did.
/// </summary>
public static unsafe class FirstCall
{
    /// <summary>The pointer value meaning "run the original C#" (the runtime's Dispatcher.Fallback).</summary>
    public const int Fallback = -1;

    /// <summary>
    /// The native entry of the non-generic IR function <paramref name="functionName"/> of the stub's assembly (display name
    /// <paramref name="assemblyName"/>), with its index line's fingerprint and flags, or <see cref="Fallback"/>.
    /// </summary>
    public static nint ResolveIndexedIn(RuntimeTypeHandle owner, string assemblyName, string functionName, string irFingerprint, int flags)
    {
        if (Switches.DisableJit) return Fallback;
        nint native = NativeRequest.Lookup(AppContext.BaseDirectory, null, assemblyName, functionName, irFingerprint, flags, null, null, 0, out _);
        return native != 0 ? native : RuntimeLink.Runtime.Indexed(owner, functionName, irFingerprint, flags);
    }

    /// <summary>
    /// As <see cref="ResolveIndexedIn"/>, for an entry that calls other assemblies' [Njit] methods: <paramref name="carried"/>
    /// is its fingerprint with those callees after it, and <paramref name="foreignIndexes"/> points to a helper of the stub's
    /// class (<c>string[] ()</c>) returning each such assembly's simple name and index text (docs/abi.md). An assembly
    /// replaced by one without that helper makes the call fail to bind: the runtime then reads the index resources.
    /// </summary>
    public static nint ResolveIndexedWithIndexes(RuntimeTypeHandle owner, string assemblyName, string functionName, string carried, int flags, nint foreignIndexes)
    {
        if (Switches.DisableJit) return Fallback;
        string[]? indexes = ProvidedIndexes.FromHelper(foreignIndexes);
        nint native = indexes is null ? 0
            : NativeRequest.Lookup(AppContext.BaseDirectory, null, assemblyName, functionName, carried, flags, null, null, 0, NativeRequest.Joined(indexes), out _);
        return native != 0 ? native : RuntimeLink.Runtime.WithIndexes(owner, functionName, carried, flags, indexes);
    }

    /// <summary>
    /// The native entry of generic function <paramref name="functionName"/> instantiated over <paramref name="typeArguments"/>,
    /// the instances the weaver found in the assembly listed in <paramref name="listedInstances"/>, or <see cref="Fallback"/>.
    /// </summary>
    public static nint ResolveGenericListedIn(RuntimeTypeHandle owner, string assemblyName, string functionName, string listedInstances, RuntimeTypeHandle[] typeArguments)
    {
        if (Switches.DisableJit) return Fallback;
        nint native = NativeRequest.LookupListed(AppContext.BaseDirectory, null, assemblyName, functionName, listedInstances, typeArguments, out int status);
        return native != 0
            ? native
            : RuntimeLink.Runtime.Listed(owner, functionName, listedInstances, typeArguments, status == NativeRequest.CallsOthers);
    }

    /// <summary>The exception for a non-zero status compiled code returned; the stub throws it.</summary>
    public static Exception ExceptionFor(int status) => RuntimeLink.Runtime.Exception(status);
}
