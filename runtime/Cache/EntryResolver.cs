// Where an entry's machine code comes from: precompiled library, then disk cache, then a fresh compile.
using System;
using System.Collections.Concurrent;
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
/// Called once per entry (the dispatcher's Lazy). The first two sources never load libLLVM: keys are computed
/// from the IR, CPUID and file metadata, and <see cref="ObjectLoader"/> links the object in managed code.
/// </summary>
internal static class EntryResolver
{
    private static readonly ConcurrentDictionary<Assembly, Lazy<PrecompiledLibrary?>> Libraries = new();

    public static nint Resolve(AssemblyUnit unit, string functionName)
    {
        var flags = Describe(unit, functionName, out string fingerprint);
        string symbol = NativeSymbols.For(functionName);
        var settings = CompileSettings.Current;
        var assembly = unit.Assembly;

        if (NumbaConfig.UsePrecompiled
            && Libraries.GetOrAdd(assembly, a => new Lazy<PrecompiledLibrary?>(() => PrecompiledLibrary.For(a))).Value is { } library)
        {
            string key = CacheKey.For(functionName, fingerprint, settings, CacheKey.LevelTarget(library.Level));
            if (TryLoadEntry(library.Store, key, symbol, functionName) is { } address)
            {
                CacheStatistics.PrecompiledHit();
                return address;
            }
        }

        if (!NumbaConfig.CacheAll && (flags & FunctionFlags.Cache) == 0) return CompilePipeline.Compile(unit.Module, functionName);

        var cache = new DiskCache(NumbaCache.FolderFor(assembly));
        string hostKey = CacheKey.For(functionName, fingerprint, settings, CacheKey.HostTarget);
        if (TryLoadEntry(cache, hostKey, symbol, functionName) is { } cached)
        {
            CacheStatistics.Hit();
            return cached;
        }

        CacheStatistics.Miss();
        byte[] objectCode = CompilePipeline.CompileToObject(unit.Module, functionName, settings);
        cache.TryStore(hostKey, new CacheEntryFile.Entry(symbol, $"{functionName}; {CompilePipeline.CompilerDescription(null)}", objectCode), functionName);
        try
        {
            return ObjectLoader.Load(objectCode, symbol);
        }
        catch (Exception e) when (e is InvalidDataException or PlatformNotSupportedException or EntryPointNotFoundException)
        {
            // LLJIT links every object LLVM emits; ours covers what our backend emits. Never lose the compile.
            CacheLog.Debug($"the managed loader declined {functionName} ({e.Message}); linking it with LLJIT");
            return NativeJit.Instance.AddObjectAndLookup(objectCode, symbol);
        }
    }

    /// <summary>The entry's flags and IR fingerprint: from the woven index, else computed from the parsed module.</summary>
    private static FunctionFlags Describe(AssemblyUnit unit, string functionName, out string fingerprint)
    {
        if (unit.Index is { } index && index.TryGet(functionName, out var indexed))
        {
            fingerprint = indexed.Fingerprint;
            return indexed.Flags;
        }
        var entry = unit.Module.Find(functionName) ?? throw new InvalidOperationException($"no IR function '{functionName}'");
        fingerprint = IrIndex.Fingerprint(unit.Module, entry);
        return entry.Flags;
    }

    private static nint? TryLoadEntry(DiskCache store, string key, string symbol, string functionName)
    {
        var entry = store.TryLoad(key, functionName);
        if (entry is null) return null;
        if (entry.Symbol != symbol)
        {
            CacheStatistics.Reject();
            CacheLog.Debug($"rejected {store.PathOf(key)}: it defines {entry.Symbol}, not {symbol}");
            return null;
        }
        try
        {
            nint address = ObjectLoader.Load(entry.ObjectCode, symbol);
            CacheLog.Debug($"hit {functionName}: {store.PathOf(key)} ({entry.Description})");
            return address;
        }
        catch (Exception e) when (e is InvalidDataException or PlatformNotSupportedException or EntryPointNotFoundException)
        {
            CacheStatistics.Reject();
            CacheLog.Debug($"rejected {store.PathOf(key)}: {e.Message}; recompiling");
            return null;
        }
    }
}
