// Precompiler entry point: `NumbaWeaver.Precompiler <woven.dll> <cpu;cpu...> [references folder]` writes <Name>.numba/<cpu>/<key>.nwc next to it.
using System;
using System.Diagnostics;
using System.IO;
using NumbaWeaver.Backend;
using NumbaWeaver.Cache;
using NumbaWeaver.Compiler;
using NumbaWeaver.IR;
using NumbaWeaver.Precompiler;

if (args.Length is not (2 or 3))
{
    Console.Error.WriteLine("usage: NumbaWeaver.Precompiler <woven assembly> <x86-64 levels, ';'-separated> [folder of its referenced assemblies]");
    return 2;
}

string assemblyPath = Path.GetFullPath(args[0]);
// Where the assemblies it references are (the build's output folder); by default the assembly's own folder.
string referencesFolder = args.Length == 3 ? Path.GetFullPath(args[2].TrimEnd('"')) : Path.GetDirectoryName(assemblyPath)!;
string[] levels = args[1].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
foreach (string level in levels)
{
    if (Array.IndexOf(CpuIdentity.KnownLevels, level) < 0)
    {
        Console.Error.WriteLine($"error NJ0901: unknown CPU level '{level}' in NumbaPrecompileCpus (known: {string.Join(", ", CpuIdentity.KnownLevels)})");
        return 1;
    }
}

string root = PrecompiledLibrary.FolderOf(assemblyPath);
if (Directory.Exists(root)) Directory.Delete(root, recursive: true); // never ship entries of an older build

// Entries are keyed with this precompiler's runtime build; an app that ships another one would never use them (RuntimeBuild).
string? ourBuild = RuntimeBuild.DigestOf(Path.Combine(AppContext.BaseDirectory, RuntimeBuild.EntryFileName));
string? appBuild = RuntimeBuild.DigestOf(Path.Combine(referencesFolder, RuntimeBuild.EntryFileName));
if (ourBuild is not null && appBuild is not null && ourBuild != appBuild)
{
    Console.WriteLine($"warning NJ0902: {Path.GetFileName(assemblyPath)} ships a NumbaWeaver runtime built from other sources than " +
                      "this precompiler (NumbaWeaver and NumbaWeaver.Fody of different versions?), which would never use its machine " +
                      "code: nothing was precompiled. Reference the same version of both packages.");
    return 0;
}

var module = IrResourceReader.Read(assemblyPath);
if (module is null)
{
    Console.WriteLine($"NumbaWeaver.Precompiler: {Path.GetFileName(assemblyPath)} has no [Njit] methods");
    return 0;
}

var instances = IrResourceReader.ReadText(assemblyPath, GenericInstances.ResourceName) is { } listed
    ? GenericInstances.Parse(listed)
    : new System.Collections.Generic.List<GenericInstance>();
// For callers of other assemblies' [Njit] methods: this assembly's index, and each referenced assembly's index and IR,
// read once each (every level and every caller of the same library use the same ones).
var ownIndex = new Lazy<IrIndex?>(() => IrResourceReader.ReadIndex(assemblyPath));
var otherIndexes = new System.Collections.Generic.Dictionary<string, IrIndex?>(StringComparer.Ordinal);
var otherModules = new System.Collections.Generic.Dictionary<string, IrModule?>(StringComparer.Ordinal);
string OtherAssemblyPath(string simpleName) => Path.Combine(referencesFolder, simpleName + ".dll");
IrIndexEntry? ForeignEntry(string assembly, string function)
{
    if (!otherIndexes.TryGetValue(assembly, out var index)) otherIndexes.Add(assembly, index = IrResourceReader.ReadIndex(OtherAssemblyPath(assembly)));
    return index is not null && index.TryGet(function, out var entry) ? entry : null;
}
IrModule? ForeignModule(string assembly)
{
    if (!otherModules.TryGetValue(assembly, out var other)) otherModules.Add(assembly, other = IrResourceReader.Read(OtherAssemblyPath(assembly)));
    return other;
}

// The key of an entry whose line names the other assemblies' functions it calls: their index lines count, as the
// runtime keys it (EntryResolver.FromForeignLine).
string ForeignKey(IrIndexEntry line, string level) =>
    CacheKey.For(line.Name, ForeignCalls.KeyFingerprint(line, ForeignEntry), CompileSettings.Defaults, CacheKey.LevelTarget(level));
IrIndexEntry OwnLine(string name) =>
    ownIndex.Value is { } index && index.TryGet(name, out var line)
        ? line
        : throw new InvalidOperationException($"{name} calls other assemblies but is missing from the index");

var clock = Stopwatch.StartNew();
int count = 0;
try
{
    foreach (string level in levels)
    {
        var store = new DiskCache(Path.Combine(root, level));
        foreach (var function in module.Functions)
        {
            // Generic entries compile per type argument list at run time (docs/ir.md); callers of generic helpers
            // compile from the module the runtime builds for them. The key hashes the woven IR (the index's fingerprint),
            // as the runtime's lookup does.
            if (!function.Has(FunctionFlags.Entry) || function.IsGeneric) continue;
            var closed = GenericInstantiation.Close(SourceOf(function.Name), function.Name, Array.Empty<IrType>(), out _);
            // A caller of other assemblies is keyed with their index lines, as the runtime keys it (EntryResolver.FromIndex).
            string key = function.Has(FunctionFlags.CallsOtherAssemblies)
                ? ForeignKey(OwnLine(function.Name), level)
                : CacheKey.For(module, function, CompileSettings.Defaults, CacheKey.LevelTarget(level));
            Store(store, level, closed, function.Name, key);
        }
        // Generic entries: the instantiations the assembly's IL calls (the weaver lists them), keyed as the runtime
        // keys a generic first call: by the instance's name and the fingerprint of the module closed over its types, or
        // for an instance that calls other assemblies, by its listed line and their index lines (EntryResolver.Describe).
        foreach (var instance in instances)
        {
            var closed = GenericInstantiation.Close(SourceOf(instance.Function), instance.Function, instance.TypeArguments, out string name);
            string key = instance.ForeignCallees.Length > 0
                ? ForeignKey(instance.AsIndexEntry(), level)
                : CacheKey.For(closed, closed.Find(name)!, CompileSettings.Defaults, CacheKey.LevelTarget(level));
            Store(store, level, closed, name, key);
        }
    }
}
catch (Exception e)
{
    Console.Error.WriteLine($"error NJ0900: NumbaWeaver could not precompile {Path.GetFileName(assemblyPath)}: {e.GetType().Name}: {e.Message}");
    return 1;
}
// The module to close `name` over: the assembly's own, or for a caller of other assemblies' [Njit] methods, its call
// closure linked with their IR, read from the assemblies next to this one (the runtime links the same at run time).
IrModule SourceOf(string name)
{
    if (module.Find(name) is not { } function || !function.Has(FunctionFlags.CallsOtherAssemblies)) return module;
    return ForeignCalls.Link(module, name, ForeignModule);
}

// Compiles entry `name` of `closed` for `level` and stores it under `key`.
void Store(DiskCache store, string level, IrModule closed, string name, string key)
{
    byte[] objectCode = CompilePipeline.CompileToObject(closed, name, CompileSettings.Defaults, level);
    var entry = new CacheEntryFile.Entry(NativeSymbols.For(name), $"{name}; {CompilePipeline.CompilerDescription(level)}", objectCode);
    if (!store.TryStore(key, entry, name)) throw new IOException($"cannot write to {store.Folder}");
    count++;
}

Console.WriteLine($"NumbaWeaver.Precompiler: {count} entries for {string.Join(", ", levels)} in {clock.Elapsed.TotalMilliseconds:F0} ms -> {root}");
return 0;
