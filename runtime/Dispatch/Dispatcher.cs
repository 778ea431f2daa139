// The lazy native dispatcher stubs call on first use: compile once, publish the entry pointer.
using System;
using System.Reflection;
using NumbaWeaver.Compiler;
using NumbaWeaver.Config;

namespace NumbaWeaver.Dispatch;

/// <summary>
/// Stubs call <see cref="Resolve"/> while their pointer field is still zero. Each function is
/// compiled once per process (concurrent first callers wait on the same <see cref="Lazy{T}"/>);
/// <see cref="Fallback"/> tells the stub to run the original C#.
/// </summary>
public static class Dispatcher
{
    /// <summary>The pointer value meaning "run the original C#".</summary>
    public static readonly nint Fallback = -1;

    private static readonly OnceTable<Assembly, AssemblyUnit> Units = new();

    /// <summary>Entry point for stubs: the native entry of <paramref name="functionName"/>, or <see cref="Fallback"/>.</summary>
    public static nint Resolve(RuntimeTypeHandle owner, string functionName)
    {
        if (NumbaConfig.DisableJit) return Fallback;
        try
        {
            var assembly = Type.GetTypeFromHandle(owner)!.Assembly;
            var unit = Units.Get(assembly, AssemblyUnit.Load);
            return unit.GetEntry(functionName);
        }
        catch (Exception ex) when (!NumbaConfig.Strict)
        {
            FallbackWarning.Report(functionName, ex);
            return Fallback;
        }
    }

    /// <summary>
    /// Entry point for stubs of generic methods (docs/abi.md): <paramref name="entryClass"/> is the stub's
    /// <c>&lt;M&gt;nj_entry&lt;T...&gt;</c> instantiation, whose type arguments are the method's. The generic IR
    /// function <paramref name="functionName"/> is instantiated and compiled once per type argument list; type
    /// arguments that are not number types run the original C# (with the NJ1000 warning, or throw when strict).
    /// </summary>
    public static nint ResolveGeneric(RuntimeTypeHandle entryClass, string functionName)
    {
        if (NumbaConfig.DisableJit) return Fallback;
        string shown = functionName;
        try
        {
            var type = Type.GetTypeFromHandle(entryClass)!;
            var arguments = GenericArguments.ToIr(type.GetGenericArguments());
            shown = functionName + " with <" + string.Join(", ", (object[])type.GetGenericArguments()) + ">";
            var unit = Units.Get(type.Assembly, AssemblyUnit.Load);
            return unit.GetEntry(functionName, arguments);
        }
        catch (Exception ex) when (!NumbaConfig.Strict)
        {
            FallbackWarning.Report(shown, ex);
            return Fallback;
        }
    }
}
