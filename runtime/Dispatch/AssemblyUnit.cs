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

    public nint GetEntry(string functionName)
    {
        var lazy = _entries.GetOrAdd(functionName, name => new Lazy<nint>(
            () => EntryResolver.Resolve(_assembly, _module, name), LazyThreadSafetyMode.ExecutionAndPublication));
        return lazy.Value;
    }
}
