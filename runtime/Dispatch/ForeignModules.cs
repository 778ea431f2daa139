// Finds another assembly's IR for ForeignCalls.Link: the assembly of that simple name, loaded if it is not yet.
using System;
using System.Reflection;
using NumbaWeaver.Cache;
using NumbaWeaver.IR;

namespace NumbaWeaver.Dispatch;

/// <summary>
/// An entry that calls an [Njit] method of another assembly compiles with that assembly's IR as the process loads
/// it, through the same per-assembly unit as that assembly's own stubs use (so its IR is parsed once).
/// </summary>
internal static class ForeignModules
{
    /// <summary>The IR module of the assembly named <paramref name="simpleName"/>, or null when it carries none.</summary>
    public static IrModule? Of(string simpleName)
    {
        Assembly? found = null;
        foreach (var loaded in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (!string.Equals(AssemblyIdentity.SimpleName(loaded), simpleName, StringComparison.Ordinal)) continue;
            found = loaded;
            break;
        }
        // The caller's assembly references it, so the default context finds it (deps.json, the app's folder).
        found ??= Assembly.Load(new AssemblyName(simpleName));
        if (found.GetManifestResourceInfo(IrModule.ResourceName) is null) return null;
        return Dispatcher.UnitOf(found).Module;
    }
}
