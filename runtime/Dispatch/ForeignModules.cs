// Finds another assembly's IR for ForeignCalls.Link: the assembly of that simple name, loaded if it is not yet.
using System;
using System.Reflection;
using NumbaWeaver.IR;

namespace NumbaWeaver.Dispatch;

/// <summary>
/// An entry that calls an [Njit] method of another assembly compiles with that assembly's IR as the process loads
/// it, through the same per-assembly unit as that assembly's own stubs use (so its IR is parsed once).
/// </summary>
internal static class ForeignModules
{
    // The index texts stubs handed over (the entry assembly keeps them: ProvidedIndexes).
    private static string? Provided(string simpleName) => NumbaWeaver.Entry.ProvidedIndexes.Find(simpleName);

    /// <summary>The IR module of the assembly named <paramref name="simpleName"/>, or null when it carries none.</summary>
    public static IrModule? Of(string simpleName) => UnitOf(simpleName)?.Module;

    /// <summary>The index line of <paramref name="function"/> in the assembly named <paramref name="simpleName"/>, or
    /// null (for <see cref="ForeignCalls.KeyFingerprint"/>: a cached entry's key needs no IR of the other assembly).</summary>
    public static IrIndexEntry? Entry(string simpleName, string function) =>
        Provided(simpleName) is { } text ? IrIndex.Find(text, function) : UnitOf(simpleName)?.Indexed(function);

    private static AssemblyUnit? UnitOf(string simpleName)
    {
        // The caller's assembly references it, so the default context finds it (deps.json, the app's folder), or
        // returns it when it is loaded already: cheaper than looking through AppDomain's assemblies first (measured).
        var found = Assembly.Load(new AssemblyName(simpleName));
        return found.GetManifestResourceInfo(IrModule.ResourceName) is null ? null : Dispatcher.UnitOf(found);
    }
}
