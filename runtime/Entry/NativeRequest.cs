// The native hit path's one call: a stub's first call as one request to libnumbaweaver_native (runtime/Native/request.c).
using System;
using System.Runtime.InteropServices;

namespace NumbaWeaver.Entry;

/// <summary>
/// Asks <c>libnumbaweaver_native</c> (<c>runtime/Native/</c>, built from C next to the runtime) for a precompiled or cached
/// entry, passing the .NET strings the stub has as they are (UTF-16, pinned): the library writes the symbol, the key
/// text and the folders itself (docs/cache.md, "The native hit path"). Only a clean hit returns an address; everything
/// else is the runtime's managed path to serve, which looks the entry up again with its diagnostics and recovery.
/// </summary>
internal static unsafe partial class NativeRequest
{
    // The file name itself: a bare name makes the runtime try a dozen variations and folders before this one.
    private const string Library = "libnumbaweaver_native.so";

    /// <summary>What the library answers (request.c, native_hit.h).</summary>
    public const int Found = 1, Absent = 0, Deferred = -1, NeedsRuntime = -2, CallsOthers = -3, NeedsCacheRoot = -4;

    // 0: not used yet; 1: the library answered; -1: it is missing or of another ABI (the managed path serves every entry).
    private static int state;

    [LibraryImport(Library, EntryPoint = "numbaweaver_native_resolve_v3")]
    private static partial int ResolveRequest(Request* request, nint runtime, nint* address);

    /// <summary>
    /// No library, or a run the managed path must serve: NUMBA_DISABLE_JIT (it runs the C#), NUMBA_DEBUG_CACHE (it prints).
    /// </summary>
    public static bool Declined => state < 0 || Switches.DisableJit || Switches.DebugCache;

    /// <summary>
    /// The address of the entry's machine code when it is a clean hit, else 0 with the library's answer in
    /// <paramref name="status"/>. <paramref name="assemblyName"/> is the display name of the stub's assembly; its
    /// precompiled folder is <paramref name="precompiledFolder"/> when given, else <c>&lt;simple name&gt;.numba</c> in
    /// <paramref name="application"/>. A generic stub passes its list of instances and its type arguments'
    /// <see cref="TypeArguments.ScalarOf"/> codes, and <paramref name="function"/> is then the generic function's name.
    /// </summary>
    public static nint Lookup(string? application, string? precompiledFolder, string assemblyName, string function, string? fingerprint, int flags,
                              string? instances, int* scalars, int scalarCount, out int status) =>
        Lookup(application, precompiledFolder, assemblyName, function, fingerprint, flags, instances, scalars, scalarCount, null, out status);

    /// <summary>
    /// As above; an entry that calls other assemblies' [Njit] methods (flag CallsOtherAssemblies, its callees after its
    /// fingerprint) passes in <paramref name="foreign"/> their simple names and index texts, each ended by U+0000 (name,
    /// text, name, text, ...): the library computes its key's fingerprint from them (ForeignCalls.KeyFingerprint).
    /// </summary>
    public static nint Lookup(string? application, string? precompiledFolder, string assemblyName, string function, string? fingerprint, int flags,
                              string? instances, int* scalars, int scalarCount, string? foreign, out int status)
    {
        status = Absent;
        if (Declined) return 0;
        try
        {
            // No separate probe of the library first: its first lookup loads it (each binding costs a first call).
            nint address = Resolve(application, precompiledFolder, assemblyName, function, fingerprint, flags, instances, scalars, scalarCount, foreign, out status);
            state = 1;
            return address;
        }
        catch (Exception e)
        {
            // A missing library (or one of another ABI) is asked no more; any other failure is the managed path's to report.
            if (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException) state = -1;
            status = Deferred;
            return 0;
        }
    }

    /// <summary>
    /// A generic stub's instance over <paramref name="typeArguments"/> (number types only; anything else is 0 with
    /// <see cref="Absent"/>): the library finds the instance in <paramref name="listedInstances"/>, the weaver's list. An
    /// instance calling other assemblies is keyed from the index texts stubs have handed over so far
    /// (<see cref="ProvidedIndexes"/>); without the ones it needs, the library answers <see cref="CallsOthers"/> or
    /// <see cref="Deferred"/> and the runtime keys it.
    /// </summary>
    public static nint LookupListed(string? application, string? precompiledFolder, string assemblyName, string functionName,
                                    string listedInstances, RuntimeTypeHandle[] typeArguments, out int status)
    {
        status = Absent;
        if (listedInstances.Length == 0 || typeArguments.Length > 16) return 0;
        int* scalars = stackalloc int[typeArguments.Length];
        for (int i = 0; i < typeArguments.Length; i++)
            if ((scalars[i] = TypeArguments.ScalarOf(typeArguments[i])) < 0) return 0;
        return Lookup(application, precompiledFolder, assemblyName, functionName, null, 0, listedInstances, scalars, typeArguments.Length,
                      ProvidedIndexes.Joined(), out status);
    }

    /// <summary>Other assemblies' names and index texts as the library reads them: each ended by U+0000 (index texts hold none).</summary>
    public static string Joined(string[] namesAndTexts) => string.Join('\0', namesAndTexts) + "\0";

    // Asked again, at most once each, with the runtime's entry points when the object calls them (which loads the runtime)
    // and with the cache root when the entry may be cached.
    private static nint Resolve(string? application, string? precompiledFolder, string assemblyName, string function, string? fingerprint, int flags,
                                string? instances, int* scalars, int scalarCount, string? foreign, out int status)
    {
        string? cacheRoot = null;
        nint runtime = 0, address = 0;
        int boundsCheck = Switches.BoundsCheck is { } on ? on ? 1 : 0 : -1;
        while (true)
        {
            fixed (char* app = application, folder = precompiledFolder, assembly = assemblyName, name = function, print = fingerprint)
            fixed (char* list = instances, build = KeyFormats.OurBuild, root = cacheRoot, others = foreign)
            {
                var request = new Request
                {
                    Application = new(app, application), PrecompiledFolder = new(folder, precompiledFolder), Assembly = new(assembly, assemblyName),
                    Function = new(name, function), Fingerprint = new(print, fingerprint), Instances = new(list, instances),
                    OurBuild = new(build, KeyFormats.OurBuild), CacheRoot = new(root, cacheRoot), Foreign = new(others, foreign),
                    Scalars = scalars, ScalarCount = scalarCount, Flags = flags, KeyFormat = KeyFormats.Key, IrFormat = KeyFormats.Ir,
                    OptLevel = Switches.OptLevel, BoundsCheck = boundsCheck, UsePrecompiled = Switches.UsePrecompiled ? 1 : 0,
                    CacheAll = Switches.CacheAll ? 1 : 0,
                };
                status = ResolveRequest(&request, runtime, &address);
            }
            if (status == NeedsRuntime && runtime == 0) runtime = RuntimeLink.RuntimeSymbols();
            else if (status == NeedsCacheRoot && cacheRoot is null) cacheRoot = CacheRoot.Value;
            else return status == Found ? address : 0;
        }
    }

    // A .NET string as the library reads it (nw_text): its UTF-16 characters and their count.
    [StructLayout(LayoutKind.Sequential)]
    private readonly struct Text(char* chars, string? text)
    {
        public readonly char* Chars = chars;
        public readonly int Length = text?.Length ?? 0;
    }

    // Field for field request.c's nw_request.
    [StructLayout(LayoutKind.Sequential)]
    private struct Request
    {
        public Text Application, PrecompiledFolder, Assembly, Function, Fingerprint, Instances, OurBuild, CacheRoot, Foreign;
        public int* Scalars;
        public int ScalarCount, Flags, KeyFormat, IrFormat, OptLevel, BoundsCheck, UsePrecompiled, CacheAll;
    }
}
