// The lazy native dispatcher stubs call on first use: compile once, publish the entry pointer.
using System;
using System.Collections.Concurrent;
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

    private static readonly ConcurrentDictionary<Assembly, Lazy<AssemblyUnit>> Units = new();

    /// <summary>Entry point for stubs: the native entry of <paramref name="functionName"/>, or <see cref="Fallback"/>.</summary>
    public static nint Resolve(RuntimeTypeHandle owner, string functionName)
    {
        if (NumbaConfig.DisableJit) return Fallback;
        try
        {
            var assembly = Type.GetTypeFromHandle(owner)!.Assembly;
            var unit = Units.GetOrAdd(assembly, a => new Lazy<AssemblyUnit>(() => AssemblyUnit.Load(a))).Value;
            return unit.GetEntry(functionName);
        }
        catch (Exception ex) when (!NumbaConfig.Strict)
        {
            FallbackWarning.Report(functionName, ex);
            return Fallback;
        }
    }
}
