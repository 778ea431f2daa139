// An assembly's name and version read from its display name, without AssemblyName (whose culture lookup loads ICU).
using System;
using System.Reflection;
using NumbaWeaver.IR;

namespace NumbaWeaver.Cache;

/// <summary>
/// <see cref="Assembly.GetName()"/> resolves the assembly's culture through <c>CultureInfo.GetCultureInfo</c>,
/// which initialises globalization and loads libicu (about 5 ms); the cache folder and the precompiled key
/// only need the simple name and the version, which the display name (<see cref="Assembly.FullName"/>,
/// built by the runtime's native loader) already holds.
/// </summary>
internal static class AssemblyIdentity
{
    private const string VersionMarker = ", Version=";

    /// <summary>The display name: <c>Name, Version=1.2.3.4, Culture=neutral, PublicKeyToken=null</c>.</summary>
    public static string FullName(Assembly assembly) => assembly.FullName ?? string.Empty;

    /// <summary>
    /// The assembly's file, or where it would be beside the application when it has none: a single-file or NativeAOT app
    /// (<see cref="Assembly.Location"/> is empty there) ships its <c>.numba</c> folders next to the executable, which is
    /// where the native hit path looks too (<c>AppContext.BaseDirectory</c>).
    /// </summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("SingleFile", "IL3000",
        Justification = "An empty Location is handled: the application's folder is used instead.")]
    public static string FilePath(Assembly assembly)
    {
        string location = assembly.Location;
        if (!string.IsNullOrEmpty(location)) return location;
        string folder = AppContext.BaseDirectory;
        return (folder.Length > 0 && folder[^1] is '/' or '\\' ? folder : folder + "/") + SimpleName(assembly) + ".dll";
    }

    /// <summary>The simple name (what precedes <c>, Version=</c>).</summary>
    public static string SimpleName(Assembly assembly) => SimpleName(FullName(assembly));

    /// <summary>The simple name in a display name (what precedes <c>, Version=</c>).</summary>
    public static string SimpleName(string fullName)
    {
        int at = InvariantText.IndexOf(fullName, VersionMarker);
        return at < 0 ? fullName : fullName.Substring(0, at);
    }

    /// <summary>The version text (<c>1.2.3.4</c>), or <c>0.0.0.0</c> when the display name has none.</summary>
    public static string Version(Assembly assembly)
    {
        string full = FullName(assembly);
        int start = InvariantText.IndexOf(full, VersionMarker);
        if (start < 0) return "0.0.0.0";
        start += VersionMarker.Length;
        int end = InvariantText.IndexOf(full, ',', start);
        return end < 0 ? full.Substring(start) : full.Substring(start, end - start);
    }
}
