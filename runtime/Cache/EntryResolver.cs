// Where an entry's machine code comes from: precompiled library, then disk cache, then a fresh compile.
using System;
using System.IO;
using System.Reflection;
using NumbaWeaver.Backend;
using NumbaWeaver.Compiler;
using NumbaWeaver.Config;
using NumbaWeaver.Dispatch;
using NumbaWeaver.IR;
using NumbaWeaver.Llvm;

namespace NumbaWeaver.Cache;

/// <summary>
/// Called once per entry (AssemblyUnit's EntrySlot). The first two sources never load libLLVM: keys are computed
/// from the IR, the CPU's identity and file metadata, and <see cref="ObjectLoader"/> links the object in managed code.
/// </summary>
internal static class EntryResolver
{

    public static nint Resolve(AssemblyUnit unit, string functionName, IrType[] typeArguments, string? listedInstances) =>
        Resolve(unit, Describe(unit, functionName, typeArguments, listedInstances));

    /// <summary>As above, for a non-generic entry whose index line the stub carried (no index resource read).</summary>
    public static nint Resolve(AssemblyUnit unit, IrIndexEntry indexed) => Resolve(unit, FromIndex(unit, indexed));

    private static nint Resolve(AssemblyUnit unit, ResolvedEntry entry)
    {
        string symbol = NativeSymbols.For(entry.Instance);
        var settings = CompileSettings.Current;
        var assembly = unit.Assembly;

        if (NumbaConfig.UsePrecompiled
            && unit.Precompiled is { } library)
        {
            string key = CacheKey.For(entry.Instance, entry.Fingerprint, settings, CacheKey.LevelTarget(library.Level));
            if (TryLoadEntry(library.Store, key, symbol, entry.Instance, out nint address))
            {
                CacheStatistics.PrecompiledHit();
                return address;
            }
        }

        if (!NumbaConfig.CacheAll && (entry.Flags & FunctionFlags.Cache) == 0) return CompilePipeline.Compile(entry.Module(), entry.Instance);

        var cache = new DiskCache(NumbaCache.FolderFor(assembly));
        string hostKey = CacheKey.For(entry.Instance, entry.Fingerprint, settings, CacheKey.HostTarget);
        if (TryLoadEntry(cache, hostKey, symbol, entry.Instance, out nint cached))
        {
            CacheStatistics.Hit();
            return cached;
        }

        CacheStatistics.Miss();
        byte[] objectCode = CompilePipeline.CompileToObject(entry.Module(), entry.Instance, settings);
        cache.TryStore(hostKey, new CacheEntryFile.Entry(symbol, $"{entry.Instance}; {CompilePipeline.CompilerDescription(null)}", objectCode), entry.Instance);
        try
        {
            return ObjectLoader.Load(objectCode, symbol);
        }
        catch (Exception e) when (e is InvalidDataException or PlatformNotSupportedException or EntryPointNotFoundException)
        {
            // LLJIT links every object LLVM emits; ours covers what our backend emits. Never lose the compile.
            CacheLog.Debug($"the managed loader declined {entry.Instance} ({e.Message}); linking it with LLJIT");
            return NativeJit.Instance.AddObjectAndLookup(objectCode, symbol);
        }
    }

    /// <summary>
    /// What is resolved: the instance name (the function's own name unless it is generic), its flags, its IR
    /// fingerprint, and the module to compile it from. An ordinary entry comes from the woven index, so nothing is
    /// parsed until a compile needs the module; a generic instance is closed first (<see cref="GenericInstantiation"/>),
    /// and its fingerprint covers the instantiated IR, whose names hold the type arguments.
    /// </summary>
    private static ResolvedEntry Describe(AssemblyUnit unit, string functionName, IrType[] typeArguments, string? listedInstances)
    {
        if (typeArguments.Length == 0 && unit.Indexed(functionName) is { } indexed)
            return FromIndex(unit, indexed);
        if (typeArguments.Length == 0)
        {
            // Not indexed (woven before the index existed): the same fingerprint the weaver would have written.
            var module = unit.Module;
            var function = module.Find(functionName) ?? throw new InvalidOperationException($"no IR function '{functionName}'");
            if (function.Has(FunctionFlags.CallsOtherAssemblies)) return Linked(unit, functionName, typeArguments);
            return new ResolvedEntry(functionName, function.Flags, IrIndex.Fingerprint(module, function), () => Close(module, functionName, typeArguments));
        }
        // A generic instance the weaver listed with its fingerprint: found without parsing or closing the IR. A stub that
        // carries its lines carries all the resource holds for its function, so only older stubs (null) read the resource.
        var found = listedInstances is null ? unit.Instance(functionName, typeArguments) : GenericInstances.Find(listedInstances, functionName, typeArguments);
        if (found is { InstanceName: { } listedName, Fingerprint: { } listedFingerprint } listed)
        {
            if ((listed.Flags & FunctionFlags.CallsOtherAssemblies) == 0)
                return new ResolvedEntry(listedName, listed.Flags, listedFingerprint, () => Close(unit.Module, functionName, typeArguments));
            // Keyed as an ordinary entry that calls other assemblies (FromIndex); lines woven before instances listed
            // their callees have none and are linked below.
            if (listed.ForeignCallees.Length > 0) return FromForeignLine(unit, listed.AsIndexEntry(), functionName, typeArguments);
        }
        if (found is { } listedLinked && (listedLinked.Flags & FunctionFlags.CallsOtherAssemblies) != 0
            || found is null && unit.Module.Find(functionName) is { } generic && generic.Has(FunctionFlags.CallsOtherAssemblies))
            return Linked(unit, functionName, typeArguments);
        var closed = GenericInstantiation.Close(unit.Module, functionName, typeArguments, out string instance);
        var root = closed.Find(instance)!;
        return new ResolvedEntry(instance, root.Flags, IrIndex.Fingerprint(closed, root), () => closed);
    }

    /// <summary>
    /// A non-generic entry known by its index line (carried by its stub, or read from the index): the module is parsed
    /// only if it must be compiled. One that calls other assemblies is keyed with their index lines as loaded now
    /// (<see cref="ForeignCalls.KeyFingerprint"/>) and compiles from its linked closure.
    /// </summary>
    private static ResolvedEntry FromIndex(AssemblyUnit unit, IrIndexEntry indexed)
    {
        if ((indexed.Flags & FunctionFlags.CallsOtherAssemblies) == 0)
            return new(indexed.Name, indexed.Flags, indexed.Fingerprint, () => Close(unit.Module, indexed.Name, Array.Empty<IrType>()));
        return FromForeignLine(unit, indexed, indexed.Name, Array.Empty<IrType>());
    }

    /// <summary>
    /// An entry (a non-generic one, or an instance of generic <paramref name="functionName"/> the weaver listed) whose
    /// line names the other assemblies' functions it calls: keyed with their index lines as loaded now, compiled from
    /// its closure linked with their IR. Apart, and not inlined: its delegate types are loaded when a method that
    /// mentions them is first called.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static ResolvedEntry FromForeignLine(AssemblyUnit unit, IrIndexEntry line, string functionName, IrType[] typeArguments)
    {
        string fingerprint = ForeignCalls.KeyFingerprint(line, ForeignModules.Entry);
        return new(line.Name, line.Flags, fingerprint, () => Close(LinkedModule(unit, functionName), functionName, typeArguments));
    }

    /// <summary>
    /// A generic instance (or an entry missing from the index) whose call closure calls into other assemblies
    /// (<see cref="ForeignCalls"/>): the build-time fingerprint covers only this assembly's IR, so the closure is linked
    /// with the other assemblies' IR as loaded now and the fingerprint computed from that (the IR is parsed even for a
    /// cache hit). A rebuilt or replaced library thus changes the key of every caller.
    /// </summary>
    private static ResolvedEntry Linked(AssemblyUnit unit, string functionName, IrType[] typeArguments)
    {
        var closed = GenericInstantiation.Close(LinkedModule(unit, functionName), functionName, typeArguments, out string instance);
        var root = closed.Find(instance)!;
        return new ResolvedEntry(instance, root.Flags, IrIndex.Fingerprint(closed, root), () => closed);
    }

    /// <summary>The call closure of <paramref name="functionName"/> with the other assemblies' IR as loaded (<see cref="ForeignCalls.Link"/>).</summary>
    private static IrModule LinkedModule(AssemblyUnit unit, string functionName) => ForeignCalls.Link(unit.Module, functionName, ForeignModules.Of);

    private static IrModule Close(IrModule module, string functionName, IrType[] typeArguments) =>
        GenericInstantiation.Close(module, functionName, typeArguments, out _);

    // A class, not a record: a record's IEquatable is one more type for a process's first hit to load.
    private sealed class ResolvedEntry(string instance, FunctionFlags flags, string fingerprint, Func<IrModule> module)
    {
        public string Instance { get; } = instance;
        public FunctionFlags Flags { get; } = flags;
        public string Fingerprint { get; } = fingerprint;
        public Func<IrModule> Module { get; } = module;
    }

    // An out parameter, not a nint?: Nullable<nint> is one more type for a process's first hit to load.
    private static bool TryLoadEntry(DiskCache store, string key, string symbol, string functionName, out nint address)
    {
        address = 0;
        var entry = store.TryLoad(key, functionName);
        if (entry is null) return false;
        if (entry.Symbol != symbol)
        {
            CacheStatistics.Reject();
            CacheLog.Debug($"rejected {store.PathOf(key)}: it defines {entry.Symbol}, not {symbol}");
            return false;
        }
        try
        {
            address = ObjectLoader.Load(entry.ObjectCode, symbol);
            CacheLog.Debug($"hit {functionName}: {store.PathOf(key)} ({entry.Description})");
            return true;
        }
        catch (Exception e) when (e is InvalidDataException or PlatformNotSupportedException or EntryPointNotFoundException)
        {
            CacheStatistics.Reject();
            CacheLog.Debug($"rejected {store.PathOf(key)}: {e.Message}; recompiling");
            return false;
        }
    }
}
