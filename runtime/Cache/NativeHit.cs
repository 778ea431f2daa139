// The native hit path: a precompiled or cached entry found, validated and linked in one call into libnumbaweaver_native.
using System;
using System.Runtime.InteropServices;
using NumbaWeaver.Backend;
using NumbaWeaver.Config;
using NumbaWeaver.IR;

namespace NumbaWeaver.Cache;

/// <summary>
/// A process's first cached or precompiled call spent about 3 ms in .NET's first-time work for the managed hit path
/// (binding a hundred ReadyToRun methods, loading sixty types, the System.Threading facade, the first P/Invokes;
/// docs/cache.md, "The native hit path"). So the stub's resolver first asks <c>libnumbaweaver_native</c>
/// (<c>runtime/Native/</c>, built from C next to this assembly) for any entry whose key it knows without IR: a
/// non-generic entry, a generic instance the weaver listed, either calling other assemblies or not. The library takes
/// the folder, the key text around its CPU-dependent part and the symbol, and does for a hit what
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
    private const int Abi = 2, Found = 1, Absent = 0, NeedsRuntime = -2;

    // 0: not used yet; 1: the library answered; -1: it is missing or of another ABI (the managed path serves every entry).
    private static int state;

    [LibraryImport(Library, EntryPoint = "numbaweaver_native_abi")]
    private static partial int AbiVersion();

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
    /// The entry of a non-generic function whose stub carried its index line, or of a generic instance its stub listed
    /// (<paramref name="entryName"/> is then the instance's name), when its precompiled or cached machine code is a clean
    /// native hit; 0 sends it down the managed path. <paramref name="assemblyName"/> is the display name of the stub's
    /// assembly when the stub carries it (<see cref="Dispatch.Dispatcher.ResolveIndexedIn"/>); then no Assembly object
    /// is asked for, and the precompiled folder is looked for in the application's folder.
    /// </summary>
    public static nint TryResolve(RuntimeTypeHandle owner, string? assemblyName, string entryName, string irFingerprint, int flags) =>
        (flags & (int)FunctionFlags.CallsOtherAssemblies) != 0 ? 0 : Attempt(owner, assemblyName, entryName, irFingerprint, flags);

    /// <summary>
    /// As <see cref="TryResolve"/>, for an entry that calls other assemblies' [Njit] methods (<paramref name="line"/>, its
    /// index line with those callees, from its stub or the weaver's instance list): keyed, as <see cref="EntryResolver"/>
    /// keys it, with their index lines as loaded now (<see cref="ForeignCalls.KeyFingerprint"/>).
    /// </summary>
    public static nint TryResolveCallingOthers(RuntimeTypeHandle owner, IrIndexEntry line)
    {
        // Checked before the key, whose fingerprint costs work the managed path would do again.
        if (Declined || line.ForeignCallees.Length == 0) return 0;
        string keyFingerprint;
        try
        {
            keyFingerprint = ForeignCalls.KeyFingerprint(line, Dispatch.ForeignModules.Entry);
        }
        catch (Exception)
        {
            return 0; // an assembly missing or changed: the managed path reports it
        }
        return Attempt(owner, null, line.Name, keyFingerprint, (int)line.Flags);
    }

    // No library, or a run the managed path must serve: NUMBA_DISABLE_JIT (it runs the C#), NUMBA_DEBUG_CACHE (it prints).
    private static bool Declined => state < 0 || NumbaConfig.DisableJit || NumbaConfig.DebugCache;

    private static nint Attempt(RuntimeTypeHandle owner, string? assemblyName, string entryName, string irFingerprint, int flags)
    {
        if (Declined) return 0;
        try
        {
            // No separate probe of the library first: its first lookup loads it (each binding costs a first call).
            nint address = Resolve(owner, assemblyName, entryName, irFingerprint, flags);
            state = 1;
            return address;
        }
        catch (Exception e)
        {
            // A missing library (or one of another ABI) is asked no more; any other failure is the managed path's to report.
            if (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException) state = -1;
            return 0;
        }
    }

    private static nint Resolve(RuntimeTypeHandle owner, string? assemblyName, string entryName, string irFingerprint, int flags)
    {
        string symbol = NativeSymbols.For(entryName);
        string before = CacheKey.TextBeforeTarget;
        // The settings text from the switches directly: CompileSettings (a record) is one more type for a first call.
        string after = CacheKey.TextAfterTarget(entryName, irFingerprint, CacheKey.SettingsText(NumbaConfig.OptLevel, NumbaConfig.BoundsCheck));
        nint address;
        if (NumbaConfig.UsePrecompiled && PrecompiledRoot(owner, assemblyName) is { } root)
        {
            int precompiled = LoadPrecompiled(root, before + "level ", CacheKey.OurBuild + after, symbol, out address);
            if (precompiled == Found) return address;
            if (precompiled != Absent) return 0;
        }
        if (!NumbaConfig.CacheAll && (flags & (int)FunctionFlags.Cache) == 0) return 0;
        // The library names the assembly's folder under the root and computes the CPU and libLLVM fingerprints itself.
        string identity = assemblyName ?? AssemblyIdentity.FullName(Type.GetTypeFromHandle(owner)!.Assembly);
        return LoadCached(NumbaCache.Root, identity, before + "host cpu ", CacheKey.OurBuild + after, symbol, out address) == Found ? address : 0;
    }

    /// <summary>
    /// The <c>.numba</c> folder of the stub's assembly: from the display name in the application's folder (where an
    /// application's assemblies are; one loaded from elsewhere misses here and is found by the managed path), or next to
    /// the assembly's file. A folder of another assembly of the same name can only hold entries of the same key, that is
    /// of the same IR compiled the same way.
    /// </summary>
    private static string? PrecompiledRoot(RuntimeTypeHandle owner, string? assemblyName)
    {
        if (assemblyName is not null && AppContext.BaseDirectory is { Length: > 0 } application)
            return DiskCache.Join(application, AssemblyIdentity.SimpleName(assemblyName) + PrecompiledLibrary.FolderSuffix);
        return Type.GetTypeFromHandle(owner)!.Assembly.Location is { Length: > 0 } location ? PrecompiledLibrary.FolderOf(location) : null;
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
            return result == NeedsRuntime ? Precompiled(r, h, t, s, RuntimeSymbols, a) : result;
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
            return result == NeedsRuntime ? Cached(r, i, h, t, s, RuntimeSymbols, a) : result;
        }
    }

    /// <summary>
    /// The resolver the library calls for the managed runtime's own entry points (numbaweaver_parallel_for,
    /// numbaweaver_raise, ...) that an object calls. Given only on a second call, when the first answered that the object
    /// needs them: the function pointer of an [UnmanagedCallersOnly] method costs a first call to make.
    /// </summary>
    private static nint RuntimeSymbols => (nint)(delegate* unmanaged<byte*, nint>)&RuntimeSymbol;

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
    public static int Hits(int mode) => state > 0 ? HitCount(mode) : 0;

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
