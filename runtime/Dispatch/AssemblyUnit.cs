// One woven assembly's IR index and (parsed on demand) IR module, and its compiled entries.
using System;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;
using NumbaWeaver.Cache;
using NumbaWeaver.IR;

namespace NumbaWeaver.Dispatch;

/// <summary>
/// Reads the small IR index at once and parses the IR module only when something needs it (a compile, or an
/// entry the index lacks): a method served from the disk cache or a precompiled library never parses IR.
/// Each entry is resolved at most once.
/// </summary>
internal sealed class AssemblyUnit
{
    // Boxed addresses: a table of a reference type runs precompiled shared code, one of nint would be jitted.
    private readonly OnceTable<string, EntryAddress> _entries = new(StringComparer.Ordinal);
    private readonly Lazy<IrModule> _module;

    private AssemblyUnit(Assembly assembly, IrIndex? index)
    {
        Assembly = assembly;
        Index = index;
        _module = new Lazy<IrModule>(() => ReadModule(assembly), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public Assembly Assembly { get; }

    /// <summary>The woven index; null for assemblies woven before the index existed.</summary>
    public IrIndex? Index { get; }

    public IrModule Module => _module.Value;

    public static AssemblyUnit Load(Assembly assembly)
    {
        string? indexText = ReadResource(assembly, IrIndex.ResourceName);
        if (indexText is null && assembly.GetManifestResourceInfo(IrModule.ResourceName) is null)
            throw NotWoven(assembly);
        return new AssemblyUnit(assembly, indexText is null ? null : IrIndex.Parse(indexText));
    }

    public nint GetEntry(string functionName) => GetEntry(functionName, Array.Empty<IrType>());

    /// <summary>
    /// The entry of <paramref name="functionName"/> instantiated with <paramref name="typeArguments"/> (none for an
    /// ordinary function), compiled once per instance: the key is the instance's name, which holds the type arguments.
    /// </summary>
    public nint GetEntry(string functionName, IrType[] typeArguments)
    {
        string key = typeArguments.Length == 0 ? functionName : functionName + "<" + string.Join(",", (object[])typeArguments) + ">";
        return _entries.Get(key, _ => new EntryAddress(EntryResolver.Resolve(this, functionName, typeArguments))).Value;
    }

    private static IrModule ReadModule(Assembly assembly) =>
        IrParser.ParseModule(ReadResource(assembly, IrModule.ResourceName)
            ?? throw NotWoven(assembly));

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

/// <summary>A resolved entry's address, boxed in our own class: <c>StrongBox&lt;nint&gt;</c> has no precompiled code and would be jitted.</summary>
internal sealed class EntryAddress(nint value)
{
    public nint Value { get; } = value;
}
