// One woven assembly's IR module, read from its embedded resource, and its compiled entries.
using System;
using System.Collections.Concurrent;
using System.IO;
using System.Reflection;
using System.Threading;
using NumbaWeaver.Cache;
using NumbaWeaver.IR;

namespace NumbaWeaver.Dispatch;

/// <summary>Parses the IR resource once and compiles each entry at most once.</summary>
internal sealed class AssemblyUnit
{
    private readonly Assembly _assembly;
    private readonly IrModule _module;
    private readonly ConcurrentDictionary<string, Lazy<nint>> _entries = new();

    private AssemblyUnit(Assembly assembly, IrModule module)
    {
        _assembly = assembly;
        _module = module;
    }

    public static AssemblyUnit Load(Assembly assembly)
    {
        using var stream = assembly.GetManifestResourceStream(IrModule.ResourceName)
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no NumbaWeaver IR resource: was it woven?");
        using var reader = new StreamReader(stream);
        return new AssemblyUnit(assembly, IrParser.ParseModule(reader.ReadToEnd()));
    }

    public nint GetEntry(string functionName) => GetEntry(functionName, Array.Empty<IrType>());

    /// <summary>
    /// The entry of <paramref name="functionName"/> instantiated with <paramref name="typeArguments"/> (none for an
    /// ordinary function), compiled once per instance: the key is the instance's name, which holds the type arguments.
    /// </summary>
    public nint GetEntry(string functionName, IrType[] typeArguments)
    {
        string key = typeArguments.Length == 0 ? functionName : functionName + "<" + string.Join(",", (object[])typeArguments) + ">";
        var lazy = _entries.GetOrAdd(key, _ => new Lazy<nint>(() =>
        {
            var module = GenericInstantiation.Close(_module, functionName, typeArguments, out string instance); // generics: docs/ir.md
            return EntryResolver.Resolve(_assembly, module, instance);
        }, LazyThreadSafetyMode.ExecutionAndPublication));
        return lazy.Value;
    }
}
