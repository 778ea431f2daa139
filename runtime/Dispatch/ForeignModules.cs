// Finds another assembly's IR for ForeignCalls.Link: the assembly of that simple name, loaded if it is not yet.
using System;
using System.Reflection;
using System.Threading;
using NumbaWeaver.IR;

namespace NumbaWeaver.Dispatch;

/// <summary>
/// An entry that calls an [Njit] method of another assembly compiles with that assembly's IR as the process loads
/// it, through the same per-assembly unit as that assembly's own stubs use (so its IR is parsed once).
/// </summary>
internal static class ForeignModules
{
    // [simple name, index text, ...] that stubs passed (Dispatcher.ResolveIndexedWithIndexes): copy-on-write, published
    // with Volatile; a name is added once. Each text is what that assembly as loaded returned, so it is its index.
    private static readonly object ProvidedGate = new();
    private static string[] _provided = [];

    /// <summary>Records the index texts a stub passed, [simple name, text, ...], for <see cref="Entry"/>.</summary>
    public static void Provide(string[] namesAndTexts)
    {
        for (int i = 0; i + 1 < namesAndTexts.Length; i += 2)
        {
            if (Provided(namesAndTexts[i]) is not null) continue;
            lock (ProvidedGate)
            {
                if (Provided(namesAndTexts[i]) is not null) continue;
                var grown = new string[_provided.Length + 2];
                Array.Copy(_provided, grown, _provided.Length);
                grown[^2] = namesAndTexts[i];
                grown[^1] = namesAndTexts[i + 1];
                Volatile.Write(ref _provided, grown);
            }
        }
    }

    private static string? Provided(string simpleName)
    {
        var provided = Volatile.Read(ref _provided);
        for (int i = 0; i + 1 < provided.Length; i += 2)
            if (string.Equals(provided[i], simpleName)) return provided[i + 1];
        return null;
    }

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
