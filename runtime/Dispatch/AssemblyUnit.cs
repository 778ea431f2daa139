// One woven assembly's IR index and (parsed on demand) IR module, and its compiled entries.
using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.IO;
using System.Reflection;
using System.Threading;
using NumbaWeaver.Cache;
using NumbaWeaver.IR;

namespace NumbaWeaver.Dispatch;

/// <summary>
/// Reads the small IR index when an entry's stub does not carry its index line itself (stubs woven before
/// <see cref="Dispatcher.ResolveIndexed"/> existed, generic entries) and parses the IR module only when
/// something needs it (a compile, or an entry the index lacks): a method served from the disk cache or a
/// precompiled library never parses IR. Each entry is resolved at most once.
/// </summary>
internal sealed class AssemblyUnit
{
    // One slot per entry, resolved once under its own lock (different entries compile in parallel). A class, not
    // a Lazy<nint> or ConcurrentDictionary: those would be jitted or load another assembly on the first call. Kept in
    // a list the slots link themselves into, searched by key under _gate (once per entry): a Dictionary of ours cost
    // a process's first call ten type loads.
    private EntrySlot? _entries;
    // Read on first use under the lock, without Lazy<T>: each Lazy instantiation is a type the runtime must build
    // on a process's first call (docs/cache.md, "Why the first call is fast").
    private readonly object _gate = new(); // a monitor, not a Lock: see Dispatcher's UnitsGate
    private IrModule? _module;
    private bool _indexRead;
    private string? _indexText;
    private bool _libraryFound;
    private PrecompiledLibrary? _library;
    private Dictionary<string, GenericInstance>? _instances;

    private AssemblyUnit(Assembly assembly) => Assembly = assembly;

    public Assembly Assembly { get; }

    /// <summary>
    /// The woven index's line for <paramref name="name"/> (<see cref="IrIndex.Find"/> over the resource's text, read on
    /// first use); null when the index has none, or for assemblies woven before the index existed.
    /// </summary>
    public IrIndexEntry? Indexed(string name) => IndexText is { } text ? IrIndex.Find(text, name) : null;

    private string? IndexText
    {
        get
        {
            lock (_gate)
            {
                if (!_indexRead)
                {
                    _indexText = ReadIndexText(Assembly);
                    _indexRead = true;
                }
                return _indexText;
            }
        }
    }

    /// <summary>The IR module, parsed on first use.</summary>
    public IrModule Module
    {
        get
        {
            lock (_gate) return _module ??= ReadModule(Assembly);
        }
    }

    /// <summary>The machine code shipped next to the assembly for this CPU, looked up on first use; null if none.</summary>
    public PrecompiledLibrary? Precompiled
    {
        get
        {
            lock (_gate)
            {
                if (!_libraryFound)
                {
                    _library = PrecompiledLibrary.For(Assembly);
                    _libraryFound = true;
                }
                return _library;
            }
        }
    }

    /// <summary>The unit of a woven assembly; nothing is read until an entry needs it.</summary>
    /// <summary>The generic instance the weaver listed for these type arguments (NumbaWeaver.IR.instances), or null.</summary>
    public GenericInstance? Instance(string functionName, IrType[] typeArguments)
    {
        lock (_gate)
        {
            if (_instances is null)
            {
                _instances = new Dictionary<string, GenericInstance>(StringComparer.Ordinal);
                if (ReadResource(Assembly, GenericInstances.ResourceName) is { } text)
                    foreach (var listed in GenericInstances.Parse(text)) _instances[listed.Key] = listed;
            }
            return _instances.TryGetValue(GenericInstance.KeyOf(functionName, typeArguments), out var instance) ? instance : null;
        }
    }

    public static AssemblyUnit Load(Assembly assembly) => new(assembly);

    // Not inlined into the dispatcher: IrType's first use (its types and tables) belongs to callers that need it.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public nint GetEntry(string functionName) => GetEntry(functionName, Array.Empty<IrType>(), null);

    /// <summary>The entry of a non-generic function whose index line (<paramref name="indexed"/>) its stub carried.</summary>
    public nint GetEntry(IrIndexEntry indexed) => ResolveOnce(indexed.Name, () => EntryResolver.Resolve(this, indexed));

    /// <summary>
    /// The entry of <paramref name="functionName"/> instantiated with <paramref name="typeArguments"/> (none for an
    /// ordinary function), compiled once per instance: the key is the instance's name, which holds the type arguments.
    /// </summary>
    /// <param name="functionName">The IR function's name (the generic one for an instance).</param>
    /// <param name="typeArguments">The instance's type arguments; none for an ordinary function.</param>
    /// <param name="listedInstances">The weaver's instance lines for this generic function, carried by its stub (empty when
    /// it lists none); null for stubs woven before they carried them, whose lines are read from the resource.</param>
    public nint GetEntry(string functionName, IrType[] typeArguments, string? listedInstances)
    {
        string key = functionName;
        if (typeArguments.Length > 0)
        {
            // Concatenated in a loop: string.Join over objects costs a first call 0.1 ms.
            for (int i = 0; i < typeArguments.Length; i++) key += (i == 0 ? "<" : ",") + typeArguments[i].ToString();
            key += ">";
        }
        return ResolveOnce(key, () => EntryResolver.Resolve(this, functionName, typeArguments, listedInstances));
    }

    /// <summary>The address of entry <paramref name="key"/>: resolved by the first caller, concurrent callers wait for it.</summary>
    private nint ResolveOnce(string key, EntryResolution resolve)
    {
        EntrySlot? slot;
        lock (_gate)
        {
            slot = _entries;
            while (slot is not null && !string.Equals(slot.Key, key)) slot = slot.Next;
            if (slot is null) _entries = slot = new EntrySlot(key, _entries);
        }
        lock (slot.Gate)
        {
            if (!slot.Done) slot.Complete(resolve);
        }
        return slot.Result();
    }

    private static string? ReadIndexText(Assembly assembly)
    {
        string? indexText = ReadResource(assembly, IrIndex.ResourceName);
        if (indexText is not null) Interlocked.Increment(ref Statistics.IndexResourcesRead);
        if (indexText is null && assembly.GetManifestResourceInfo(IrModule.ResourceName) is null)
            throw NotWoven(assembly);
        return indexText;
    }

    private static IrModule ReadModule(Assembly assembly)
    {
        Interlocked.Increment(ref Statistics.IrModulesParsed);
        return IrParser.ReadModule(ReadResource(assembly, IrModule.ResourceName) ?? throw NotWoven(assembly));
    }

    private static InvalidOperationException NotWoven(Assembly assembly) =>
        new($"{assembly.GetName().Name} has no NumbaWeaver IR resource: was it woven?");

    private static string? ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name);
        if (stream is null) return null;
        // Not StreamReader: its first use costs milliseconds of framework start-up. ASCII text skips the framework's decoder too.
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return InvariantText.FromUtf8(bytes);
    }
}

/// <summary>Computes an entry's address (our own delegate type: a framework generic over nint would be built at run time).</summary>
internal delegate nint EntryResolution();

/// <summary>One entry's resolution: done once; a failure is kept and rethrown to every later caller, as Lazy would.</summary>
internal sealed class EntrySlot(string key, EntrySlot? next)
{
    public readonly object Gate = new();

    /// <summary>The entry's key (its instance name) and the unit's next slot.</summary>
    public string Key { get; } = key;
    public EntrySlot? Next { get; } = next;

    private nint _address;
    private ExceptionDispatchInfo? _error;

    public bool Done { get; private set; }

    /// <summary>Runs <paramref name="resolve"/> (the caller holds <see cref="Gate"/>) and records its result or failure.</summary>
    public void Complete(EntryResolution resolve)
    {
        try
        {
            _address = resolve();
        }
        catch (Exception e)
        {
            _error = ExceptionDispatchInfo.Capture(e);
        }
        Done = true;
    }

    public nint Result()
    {
        _error?.Throw();
        return _address;
    }
}
