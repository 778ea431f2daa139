// The native hit path: a precompiled or cached entry found, validated and linked in one call into libnumbaweaver_native.
using System;
using System.Runtime.InteropServices;
using NumbaWeaver.Backend;
using NumbaWeaver.Entry;
using NumbaWeaver.IR;

namespace NumbaWeaver.Cache;

/// <summary>
/// A process's first cached or precompiled call spent about 3 ms in .NET's first-time work for the managed hit path
/// (binding a hundred ReadyToRun methods, loading sixty types, the System.Threading facade, the first P/Invokes;
/// docs/cache.md, "The native hit path"). So a stub's first call asks <c>libnumbaweaver_native</c>
/// (<c>runtime/Native/</c>, built from C next to this assembly) for any entry whose key it knows without IR: a
/// non-generic entry, a generic instance the weaver listed, either calling other assemblies or not. Stubs woven now ask
/// from the small entry assembly (<see cref="Entry.FirstCall"/>, through <see cref="NativeRequest"/>) before this
/// assembly is loaded; this class asks the same way for older stubs and for entries keyed here (those calling other
/// assemblies), and holds the library's other exports for the tests. The library does for a hit what
/// <see cref="EntryResolver"/>, <see cref="DiskCache"/>, <see cref="CacheEntryFile"/> and <see cref="ObjectLoader"/> do
/// (and, for the disk cache, what <see cref="NumbaCache.FolderFor"/>, <see cref="CpuIdentity.Fingerprint"/> and the
/// libLLVM fingerprint compute). Only a clean hit returns an address, and a clean miss goes on to the disk cache; every
/// other case (no library, a bad entry, an unsafe folder, <c>NUMBA_DEBUG_CACHE</c>) leaves the entry to the managed
/// path, which looks it up again with its diagnostics and recovery. An object that calls the managed runtime's own
/// entry points (<c>numbaweaver_*</c>) gets them through <see cref="RuntimeSymbol"/>.
/// </summary>
internal static unsafe partial class NativeHit
{
    // The file name itself: a bare name makes the runtime try a dozen variations and folders before this one.
    private const string Library = "libnumbaweaver_native.so";
    private const int Abi = 3, NeedsRuntime = -2;

    // 0: not used yet; 1: the library answered; -1: it is missing or of another ABI (the managed path serves every entry).
    private static int state;

    [LibraryImport(Library, EntryPoint = "numbaweaver_native_abi")]
    private static partial int AbiVersion();

    [LibraryImport(Library, EntryPoint = "numbaweaver_native_symbol")]
    private static partial int Symbol(char* name, int length, byte* symbol, int size);

    [LibraryImport(Library, EntryPoint = "numbaweaver_native_precompiled_v2")]
    private static partial int Precompiled(byte* root, byte* head, byte* tail, byte* symbol, nint runtime, nint* address);

    [LibraryImport(Library, EntryPoint = "numbaweaver_native_cached_v2")]
    private static partial int Cached(byte* root, byte* assembly, byte* head, byte* tail, byte* symbol, nint runtime, nint* address);

    [LibraryImport(Library, EntryPoint = "numbaweaver_native_hits")]
    private static partial int HitCount(int mode);

    [LibraryImport(Library, EntryPoint = "numbaweaver_native_cpu_levels")]
    private static partial int CpuLevelBits();

    [LibraryImport(Library, EntryPoint = "numbaweaver_native_cpu_fingerprint")]
    private static partial void CpuFingerprint(byte* text);

    [LibraryImport(Library, EntryPoint = "numbaweaver_native_llvm_fingerprint")]
    private static partial int LlvmFingerprint(byte* text, int size);

    [LibraryImport(Library, EntryPoint = "numbaweaver_native_cache_folder")]
    private static partial int CacheFolder(byte* root, byte* assembly, byte* folder, int size);

    /// <summary>Whether libnumbaweaver_native was found with the ABI this runtime speaks (asked once).</summary>
    public static bool Available
    {
        get
        {
            if (state == 0) state = Probe();
            return state > 0;
        }
    }

    // Apart, and not inlined: the exception types are loaded only where the library is missing.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static int Probe()
    {
        if (!OperatingSystem.IsLinux()) return -1;
        try
        {
            return AbiVersion() == Abi ? 1 : -1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return -1;
        }
    }

    /// <summary>
    /// The entry of a non-generic function whose stub carried its index line, when its precompiled or cached machine code
    /// is a clean native hit; 0 sends it down the managed path. <paramref name="assemblyName"/> is the display name of the
    /// stub's assembly when the stub carries it (<see cref="Dispatch.Dispatcher.ResolveIndexedIn"/>); then no Assembly
    /// object is asked for, and the precompiled folder is looked for in the application's folder. (Stubs woven now call
    /// <see cref="Entry.FirstCall"/>, which asks the library the same way before this assembly is loaded.)
    /// </summary>
    public static nint TryResolve(RuntimeTypeHandle owner, string? assemblyName, string entryName, string irFingerprint, int flags) =>
        (flags & (int)FunctionFlags.CallsOtherAssemblies) != 0 ? 0 : Lookup(owner, assemblyName, entryName, irFingerprint, flags);

    /// <summary>
    /// The entry of a generic stub's instance over <paramref name="typeArguments"/>, when the weaver listed it
    /// (<paramref name="listedInstances"/>, <see cref="GenericInstances"/>' text) and it is a clean native hit: the library
    /// finds the instance's line itself. An instance that calls other assemblies is keyed here, as
    /// <see cref="TryResolveCallingOthers"/> keys it.
    /// </summary>
    public static nint TryResolveListed(RuntimeTypeHandle owner, string? assemblyName, string functionName, string listedInstances, RuntimeTypeHandle[] typeArguments)
    {
        if (NativeRequest.Declined) return 0;
        Name(owner, ref assemblyName, out string? application, out string? precompiledFolder);
        nint address = NativeRequest.LookupListed(application, precompiledFolder, assemblyName, functionName, listedInstances, typeArguments, out int status);
        return status == NativeRequest.CallsOthers ? ListedCallingOthers(owner, functionName, listedInstances, typeArguments) : address;
    }

    /// <summary>
    /// A listed generic instance that calls other assemblies (the library answered <see cref="NativeRequest.CallsOthers"/>):
    /// its line is found here and keyed as <see cref="TryResolveCallingOthers"/> keys it.
    /// </summary>
    // Not inlined: the index line's types are loaded only for an instance that calls other assemblies.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    internal static nint ListedCallingOthers(RuntimeTypeHandle owner, string functionName, string listedInstances, RuntimeTypeHandle[] typeArguments)
    {
        try
        {
            return Dispatch.GenericArguments.InstanceKey(functionName, typeArguments) is { } key
                   && GenericInstances.FindLine(listedInstances, key) is { } line
                ? TryResolveCallingOthers(owner, line)
                : 0;
        }
        catch (FormatException)
        {
            return 0; // a damaged line: the managed path reports it
        }
    }

    /// <summary>
    /// As <see cref="TryResolve"/>, for an entry that calls other assemblies' [Njit] methods (<paramref name="line"/>, its
    /// index line with those callees, from its stub or the weaver's instance list): keyed, as <see cref="EntryResolver"/>
    /// keys it, with their index lines as loaded now (<see cref="ForeignCalls.KeyFingerprint"/>).
    /// </summary>
    public static nint TryResolveCallingOthers(RuntimeTypeHandle owner, IrIndexEntry line)
    {
        // Checked before the key, whose fingerprint costs work the managed path would do again.
        if (NativeRequest.Declined || line.ForeignCallees.Length == 0) return 0;
        string keyFingerprint;
        try
        {
            keyFingerprint = ForeignCalls.KeyFingerprint(line, Dispatch.ForeignModules.Entry);
        }
        catch (Exception)
        {
            return 0; // an assembly missing or changed: the managed path reports it
        }
        // Keyed like any entry from here on: the library is told it calls nothing, as its key already covers the callees.
        return Lookup(owner, null, line.Name, keyFingerprint, (int)line.Flags & ~(int)FunctionFlags.CallsOtherAssemblies);
    }

    // The library's request (NativeRequest) with the stub's assembly named.
    private static nint Lookup(RuntimeTypeHandle owner, string? assemblyName, string function, string? fingerprint, int flags)
    {
        if (NativeRequest.Declined) return 0;
        Name(owner, ref assemblyName, out string? application, out string? precompiledFolder);
        return NativeRequest.Lookup(application, precompiledFolder, assemblyName, function, fingerprint, flags, null, null, 0, out _);
    }

    // The stub's assembly by the name the stub carries (its precompiled folder then in the application's folder), or, for a
    // stub that does not carry it, from the assembly itself.
    private static void Name(RuntimeTypeHandle owner, [System.Diagnostics.CodeAnalysis.NotNull] ref string? assemblyName,
                             out string? application, out string? precompiledFolder)
    {
        application = precompiledFolder = null;
        if (assemblyName is not null)
        {
            application = AppContext.BaseDirectory;
            return;
        }
        var assembly = Type.GetTypeFromHandle(owner)!.Assembly;
        assemblyName = AssemblyIdentity.FullName(assembly);
        precompiledFolder = PrecompiledLibrary.FolderOf(AssemblyIdentity.FilePath(assembly));
    }

    /// <summary>
    /// The precompiled entry under <paramref name="root"/> (an assembly's <c>.numba</c> folder) for the best level this CPU
    /// runs: 1 with its address, 0 when there is no such variant or entry, -1 for anything the managed path must judge.
    /// The key text is <paramref name="head"/>, the level's name, then <paramref name="tail"/>.
    /// </summary>
    internal static int LoadPrecompiled(string root, string head, string tail, string symbol, out nint address)
    {
        byte[] rootText = InvariantText.ToCString(root), headText = InvariantText.ToCString(head), tailText = InvariantText.ToCString(tail);
        byte[] symbolText = InvariantText.ToCString(symbol);
        fixed (byte* r = rootText, h = headText, t = tailText, s = symbolText)
        fixed (nint* a = &address)
        {
            *a = 0;
            int result = Precompiled(r, h, t, s, 0, a);
            return result == NeedsRuntime ? Precompiled(r, h, t, s, RuntimeSymbols(), a) : result;
        }
    }

    /// <summary>
    /// The disk cache entry of the assembly named <paramref name="assemblyFullName"/> under cache root <paramref name="root"/>,
    /// as <see cref="LoadPrecompiled"/> answers; the key text is <paramref name="head"/>, the CPU's fingerprint, " llvm ",
    /// libLLVM's fingerprint, then <paramref name="tail"/>.
    /// </summary>
    internal static int LoadCached(string root, string assemblyFullName, string head, string tail, string symbol, out nint address)
    {
        byte[] rootText = InvariantText.ToCString(root), identity = InvariantText.ToCString(assemblyFullName);
        byte[] headText = InvariantText.ToCString(head), tailText = InvariantText.ToCString(tail), symbolText = InvariantText.ToCString(symbol);
        fixed (byte* r = rootText, i = identity, h = headText, t = tailText, s = symbolText)
        fixed (nint* a = &address)
        {
            *a = 0;
            int result = Cached(r, i, h, t, s, 0, a);
            return result == NeedsRuntime ? Cached(r, i, h, t, s, RuntimeSymbols(), a) : result;
        }
    }

    /// <summary>
    /// The resolver the library calls for the managed runtime's own entry points (numbaweaver_parallel_for,
    /// numbaweaver_raise, ...) that an object calls. Given only on a second call, when the first answered that the object
    /// needs them: the function pointer of an [UnmanagedCallersOnly] method costs a first call to make.
    /// </summary>
    internal static nint RuntimeSymbols() => (nint)(delegate* unmanaged<byte*, nint>)&RuntimeSymbol;

    [System.Runtime.InteropServices.UnmanagedCallersOnly]
    private static nint RuntimeSymbol(byte* name)
    {
        try
        {
            int length = 0;
            while (name[length] != 0) length++;
            var text = new byte[length];
            for (int i = 0; i < length; i++) text[i] = name[i];
            return ExternalSymbols.RuntimeSymbol(InvariantText.FromUtf8(text, 0, length));
        }
        catch (Exception)
        {
            return 0; // nothing may unwind into C: the library then declines the entry to the managed path
        }
    }

    /// <summary>Entries the library served: precompiled (mode 0) or from the disk cache (mode 1); 0 without the library.</summary>
    public static int Hits(int mode) => Available ? HitCount(mode) : 0;

    /// <summary>The library's answer to a generic stub's request (its status, and the address of a hit), for the tests.</summary>
    internal static int ResolveListed(string assemblyName, string functionName, string listedInstances, int[] scalars, out nint address,
                                      string[]? texts = null)
    {
        fixed (int* codes = scalars)
        {
            address = NativeRequest.Lookup(AppContext.BaseDirectory, null, assemblyName, functionName, null, 0, listedInstances, codes, scalars.Length,
                                           texts is null ? null : NativeRequest.Joined(texts), out int status);
            return status;
        }
    }

    /// <summary>
    /// The library's answer for an entry calling other assemblies, keyed from their index texts (<paramref name="texts"/>:
    /// name, text, ...) as its stub hands them over, for the tests.
    /// </summary>
    internal static int ResolveWithIndexes(string assemblyName, string function, string carried, int flags, string[] texts, out nint address)
    {
        address = NativeRequest.Lookup(AppContext.BaseDirectory, null, assemblyName, function, carried, flags, null, null, 0, NativeRequest.Joined(texts), out int status);
        return status;
    }

    /// <summary>The library's symbol for an IR function name, for the tests that hold it equal to <see cref="NativeSymbols.For"/>.</summary>
    internal static string SymbolOf(string irFunctionName)
    {
        byte* text = stackalloc byte[256];
        fixed (char* name = irFunctionName)
            return Symbol(name, irFunctionName.Length, text, 256) != 0 ? new string((sbyte*)text) : "";
    }

    /// <summary>The library's CPU levels as bits (1: v2, 2: v3, 4: v4), for the tests that hold them equal to <see cref="CpuIdentity"/>'s.</summary>
    internal static int LevelBits() => CpuLevelBits();

    /// <summary>The library's CPU fingerprint, for the tests that hold it equal to <see cref="CpuIdentity.Fingerprint"/>.</summary>
    internal static string Fingerprint()
    {
        byte* text = stackalloc byte[17];
        CpuFingerprint(text);
        return new string((sbyte*)text);
    }

    /// <summary>The library's libLLVM fingerprint, for the tests that hold it equal to <see cref="Llvm.LlvmLibrary.Fingerprint"/>.</summary>
    internal static string LlvmLibraryFingerprint()
    {
        byte* text = stackalloc byte[512];
        return LlvmFingerprint(text, 512) != 0 ? new string((sbyte*)text) : "";
    }

    /// <summary>The library's cache folder of an assembly (by display name), for the tests that hold it equal to <see cref="NumbaCache.FolderFor"/>'s.</summary>
    internal static string CacheFolderOf(string root, string assemblyFullName)
    {
        byte* text = stackalloc byte[4096];
        fixed (byte* r = InvariantText.ToCString(root), a = InvariantText.ToCString(assemblyFullName))
            return CacheFolder(r, a, text, 4096) != 0 ? new string((sbyte*)text) : "";
    }
}
