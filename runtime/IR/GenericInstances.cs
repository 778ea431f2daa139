// The instantiations of generic [Njit] methods an assembly calls, recorded by the weaver for build-time compilation.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace NumbaWeaver.IR;

/// <summary>One generic entry closed over number types, e.g. <c>Sum&lt;T0&gt;(rospan&lt;T0&gt;)</c> with <c>f64</c>.</summary>
public sealed class GenericInstance(string function, IrType[] typeArguments)
{
    public string Function { get; } = function;

    public IrType[] TypeArguments { get; } = typeArguments;

    /// <summary>The resource line: <c>function TAB type,type...</c>.</summary>
    public override string ToString() => Function + "\t" + string.Join(",", TypeArguments.Select(t => t.ToString()));
}

/// <summary>
/// The resource <see cref="ResourceName"/>: one line per instantiation the assembly's IL calls,
/// <c>function-name TAB type,type...</c>. <c>NumbaPrecompile</c> compiles each one (tasks/Precompiler), so
/// generic methods, too, run precompiled without LLVM; the runtime finds them under the same key it would
/// compute for a fresh compile (docs/cache.md).
/// </summary>
public static class GenericInstances
{
    public const string ResourceName = "NumbaWeaver.IR.instances";

    public static string Print(IEnumerable<GenericInstance> instances)
    {
        var text = new StringBuilder();
        foreach (var instance in instances) text.Append(instance).Append('\n');
        return text.ToString();
    }

    public static List<GenericInstance> Parse(string text)
    {
        var instances = new List<GenericInstance>();
        foreach (string line in text.Split('\n'))
        {
            if (line.Length == 0) continue;
            int tab = line.IndexOf('\t');
            if (tab <= 0) throw new FormatException($"bad generic instance line '{line}'");
            var arguments = line.Substring(tab + 1).Split(',').Select(IrType.Parse).ToArray();
            instances.Add(new GenericInstance(line.Substring(0, tab), arguments));
        }
        return instances;
    }
}
