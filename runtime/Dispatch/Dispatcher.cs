// The lazy native dispatcher stubs call on first use: compile once, publish the entry pointer.
using System;
using System.Reflection;
using System.Threading;
using NumbaWeaver.Cache;
using NumbaWeaver.Compiler;
using NumbaWeaver.Config;
using NumbaWeaver.IR;

namespace NumbaWeaver.Dispatch;

/// <summary>
/// Stubs call <see cref="Resolve"/> while their pointer field is still zero. Each function is
/// compiled once per process (concurrent first callers wait on the same <see cref="EntrySlot"/>);
/// <see cref="Fallback"/> tells the stub to run the original C#.
/// </summary>
public static class Dispatcher
{
    /// <summary>The pointer value meaning "run the original C#".</summary>
    public static readonly nint Fallback = Entry.FirstCall.Fallback;

    // One unit per woven assembly, found by reference in a copy-on-write array: a Dictionary keyed by Assembly
    // would build EqualityComparer<Assembly>.Default by reflection on the first call of the process.
    // Object monitors, not System.Threading.Lock, on the first-call path: Lock's first use sets up its thread-id
    // statics, which cost a process's first call 0.3 ms (measured).
    private static readonly object UnitsGate = new();
    private static AssemblyUnit[] _units = [];

    /// <summary>The unit of <paramref name="assembly"/>, created on first use (one per assembly for the process).</summary>
    internal static AssemblyUnit UnitOf(Assembly assembly)
    {
        foreach (var unit in Volatile.Read(ref _units))
            if (ReferenceEquals(unit.Assembly, assembly)) return unit;
        lock (UnitsGate)
        {
            foreach (var unit in _units)
                if (ReferenceEquals(unit.Assembly, assembly)) return unit;
            var created = AssemblyUnit.Load(assembly);
            var grown = new AssemblyUnit[_units.Length + 1];
            Array.Copy(_units, grown, _units.Length);
            grown[^1] = created;
            Volatile.Write(ref _units, grown);
            return created;
        }
    }

    /// <summary>Entry point for stubs: the native entry of <paramref name="functionName"/>, or <see cref="Fallback"/>.</summary>
    public static nint Resolve(RuntimeTypeHandle owner, string functionName) => ResolveEntry(owner, functionName, null);

    /// <summary>
    /// Entry point for stubs of non-generic methods woven with their index line (docs/abi.md): the weaver passes
    /// the entry's IR fingerprint and flags, which <see cref="Resolve"/> would read from the assembly's
    /// <c>NumbaWeaver.IR.index</c> resource, so a cached or precompiled first call reads no resource at all.
    /// </summary>
    public static nint ResolveIndexed(RuntimeTypeHandle owner, string functionName, string irFingerprint, int flags) =>
        ResolveIndexedIn(owner, null, functionName, irFingerprint, flags);

    /// <summary>
    /// As <see cref="ResolveIndexed"/>, for stubs that also carry their assembly's display name (written by the weaver,
    /// docs/abi.md): the native hit path then names the assembly's cache folder and finds its precompiled folder in the
    /// application's folder without asking the runtime for the assembly (the Assembly object and its location cost a
    /// process's first call about 0.25 ms). Whatever it does not find there, the managed path finds from the assembly itself.
    /// </summary>
    public static nint ResolveIndexedIn(RuntimeTypeHandle owner, string? assemblyName, string functionName, string irFingerprint, int flags)
    {
        // A clean precompiled or cached hit is served natively (NativeHit); everything else, hits the native
        // library declines included, goes through the assembly's unit and EntryResolver.
        nint native = NativeHit.TryResolve(owner, assemblyName, functionName, irFingerprint, flags);
        return native != 0 ? native : ResolveIndexedManaged(owner, functionName, irFingerprint, flags);
    }

    /// <summary>
    /// The managed path of a non-generic stub, after the native hit path found no clean hit: what
    /// <see cref="Entry.FirstCall.ResolveIndexedIn"/> calls (registered by <see cref="EntryLink"/>).
    /// </summary>
    // Not inlined: the index entry's types are loaded only when the managed path runs.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    internal static nint ResolveIndexedManaged(RuntimeTypeHandle owner, string functionName, string irFingerprint, int flags) =>
        ResolveEntry(owner, functionName, IrIndexEntry.FromStub(functionName, (FunctionFlags)flags, irFingerprint));

    /// <summary>
    /// As <see cref="ResolveIndexed"/>, for the stub of an entry that calls other assemblies' [Njit] methods (docs/abi.md):
    /// <paramref name="foreignIndexes"/> points to a static method of the stub's class (<c>string[] ()</c>) that returns,
    /// for each of those assemblies, its simple name and its index text from that assembly's
    /// <c>&lt;NumbaWeaver&gt;Index.Text()</c>; the key then reads the callees' lines there instead of loading the
    /// assemblies by name and reading their index resources. An assembly replaced by one without that accessor makes
    /// the call fail to bind: then the index resources are read as for stubs without the helper.
    /// </summary>
    public static nint ResolveIndexedWithIndexes(RuntimeTypeHandle owner, string functionName, string irFingerprint, int flags, nint foreignIndexes) =>
        NumbaConfig.DisableJit ? Fallback : ResolveWithIndexesAfterNative(owner, functionName, irFingerprint, flags, Entry.ProvidedIndexes.FromHelper(foreignIndexes));

    /// <summary>The non-generic entry points: with the stub's index line when it carries one, else from the index resource.</summary>
    private static nint ResolveEntry(RuntimeTypeHandle owner, string functionName, IrIndexEntry? indexed)
    {
        if (NumbaConfig.DisableJit) return Fallback;
        try
        {
            var unit = UnitOf(Type.GetTypeFromHandle(owner)!.Assembly);
            return indexed is null ? unit.GetEntry(functionName) : unit.GetEntry(indexed);
        }
        catch (Exception ex) when (!NumbaConfig.Strict)
        {
            FallbackWarning.Report(functionName, ex);
            return Fallback;
        }
    }

    /// <summary>
    /// Entry point for stubs of generic methods woven before <see cref="ResolveGenericListed"/> existed (docs/abi.md):
    /// <paramref name="entryClass"/> is the stub's <c>&lt;M&gt;nj_entry&lt;T...&gt;</c> instantiation, whose type
    /// arguments are the method's. The generic IR function <paramref name="functionName"/> is instantiated and compiled
    /// once per type argument list; type arguments that are not number types run the original C# (with the NJ1000
    /// warning, or throw when strict).
    /// </summary>
    public static nint ResolveGeneric(RuntimeTypeHandle entryClass, string functionName)
    {
        if (NumbaConfig.DisableJit) return Fallback;
        Type? type = null;
        try
        {
            type = Type.GetTypeFromHandle(entryClass)!;
            var arguments = GenericArguments.ToIr(type.GetGenericArguments());
            var unit = UnitOf(type.Assembly);
            return unit.GetEntry(functionName, arguments, null);
        }
        catch (Exception ex) when (!NumbaConfig.Strict)
        {
            // The type arguments' names only when they are shown: formatting them costs a first call.
            string shown = type is null ? functionName : functionName + " with <" + string.Join(", ", (object[])type.GetGenericArguments()) + ">";
            FallbackWarning.Report(shown, ex);
            return Fallback;
        }
    }

    /// <summary>
    /// As <see cref="ResolveGeneric"/>, for stubs (docs/abi.md) that pass their method's declaring type
    /// (<paramref name="owner"/>), its type arguments as handles (no reflection over the entry class), and the lines
    /// of <c>NumbaWeaver.IR.instances</c> the weaver wrote for this method (<paramref name="listedInstances"/>, empty
    /// when the assembly calls no instantiation of it): a cached or precompiled first call of a listed instantiation
    /// then reads no resource and parses no IR.
    /// </summary>
    public static nint ResolveGenericListed(RuntimeTypeHandle owner, string functionName, string listedInstances, RuntimeTypeHandle[] typeArguments) =>
        ResolveGenericListedIn(owner, null, functionName, listedInstances, typeArguments);

    /// <summary>
    /// As <see cref="ResolveGenericListed"/>, for stubs that also carry their assembly's display name (as
    /// <see cref="ResolveIndexedIn"/>): a listed instance's line is found from the type arguments' IR names and offered
    /// to the native hit path first.
    /// </summary>
    public static nint ResolveGenericListedIn(RuntimeTypeHandle owner, string? assemblyName, string functionName, string listedInstances, RuntimeTypeHandle[] typeArguments)
    {
        if (NumbaConfig.DisableJit) return Fallback;
        nint native = NativeHit.TryResolveListed(owner, assemblyName, functionName, listedInstances, typeArguments);
        return native != 0 ? native : ResolveGenericManaged(owner, functionName, listedInstances, typeArguments);
    }

    /// <summary>
    /// The managed path of a stub calling other assemblies, after the native hit path found no clean hit: what
    /// <see cref="Entry.FirstCall.ResolveIndexedWithIndexes"/> calls (registered by <see cref="EntryLink"/>), with the index
    /// texts the stub's helper returned (null when it failed to bind: the index resources are read instead).
    /// </summary>
    internal static nint ResolveWithIndexesAfterNative(RuntimeTypeHandle owner, string functionName, string carried, int flags, string[]? indexes)
    {
        // The texts are recorded already (ProvidedIndexes.FromHelper), for this key and later ones. The library may have
        // declined for want of a third assembly's index, which the managed key loads: ask it again so.
        nint native = NativeHit.TryResolveCallingOthers(owner, IrIndexEntry.FromStub(functionName, (FunctionFlags)flags, carried));
        return native != 0 ? native : ResolveIndexedManaged(owner, functionName, carried, flags);
    }

    /// <summary>
    /// The managed path of a generic stub, after the native hit path found no clean hit: what
    /// <see cref="Entry.FirstCall.ResolveGenericListedIn"/> calls (registered by <see cref="EntryLink"/>).
    /// <paramref name="callsOthers"/>: the library found the instance listed as calling other assemblies, which is keyed here.
    /// </summary>
    internal static nint ResolveListedAfterNative(RuntimeTypeHandle owner, string functionName, string listedInstances,
                                                  RuntimeTypeHandle[] typeArguments, bool callsOthers)
    {
        nint native = callsOthers ? NativeHit.ListedCallingOthers(owner, functionName, listedInstances, typeArguments) : 0;
        return native != 0 ? native : ResolveGenericManaged(owner, functionName, listedInstances, typeArguments);
    }

    // Apart, and not inlined: IrType's types and tables are loaded only when the managed path runs.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static nint ResolveGenericManaged(RuntimeTypeHandle owner, string functionName, string listedInstances, RuntimeTypeHandle[] typeArguments)
    {
        try
        {
            var arguments = GenericArguments.ToIr(typeArguments);
            var unit = UnitOf(Type.GetTypeFromHandle(owner)!.Assembly);
            return unit.GetEntry(functionName, arguments, listedInstances);
        }
        catch (Exception ex) when (!NumbaConfig.Strict)
        {
            FallbackWarning.Report(functionName + " with <" + GenericArguments.Names(typeArguments) + ">", ex);
            return Fallback;
        }
    }
}
