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
/// docs/cache.md, "The native hit path"). For a non-generic entry that calls no other assembly, the stub's resolver
/// first asks <c>libnumbaweaver_native</c> (<c>runtime/Native/</c>), built from C next to this assembly: it takes the
/// folder, the key text around its CPU-dependent part and the symbol, and does what <see cref="EntryResolver"/>,
/// <see cref="DiskCache"/>, <see cref="CacheEntryFile"/> and <see cref="ObjectLoader"/> do for a hit. Only a clean hit
/// returns an address and a clean miss goes on to the disk cache; every other case (no library, a bad entry, an unsafe
/// folder, <c>NUMBA_DEBUG_CACHE</c>, a symbol of the managed runtime) leaves the entry to the managed path, which
/// looks it up again with its diagnostics and recovery.
/// </summary>
internal static unsafe partial class NativeHit
{
    private const string Library = "numbaweaver_native";
    private const int Abi = 1, Found = 1, Absent = 0;

    // 0: not asked yet; 1: the library is there with our ABI; -1: it is not (the managed path serves every entry).
    private static int state;

    [LibraryImport(Library, EntryPoint = "numbaweaver_native_abi")]
    private static partial int AbiVersion();

    [LibraryImport(Library, EntryPoint = "numbaweaver_native_precompiled")]
    private static partial int Precompiled(byte* root, byte* head, byte* tail, byte* symbol, nint* address);

    [LibraryImport(Library, EntryPoint = "numbaweaver_native_cached")]
    private static partial int Cached(byte* folder, byte* head, byte* tail, byte* symbol, nint* address);

    [LibraryImport(Library, EntryPoint = "numbaweaver_native_hits")]
    private static partial int HitCount(int mode);

    [LibraryImport(Library, EntryPoint = "numbaweaver_native_cpu_levels")]
    private static partial int CpuLevelBits();

    [LibraryImport(Library, EntryPoint = "numbaweaver_native_cpu_fingerprint")]
    private static partial void CpuFingerprint(byte* text);

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
    /// native hit; 0 sends it down the managed path.
    /// </summary>
    public static nint TryResolve(RuntimeTypeHandle owner, string entryName, string irFingerprint, int flags)
    {
        if ((flags & (int)FunctionFlags.CallsOtherAssemblies) != 0 || NumbaConfig.DisableJit || NumbaConfig.DebugCache || !Available)
            return 0;
        var assembly = Type.GetTypeFromHandle(owner)!.Assembly;
        byte[] symbol = InvariantText.ToCString(NativeSymbols.For(entryName));
        string before = CacheKey.TextBeforeTarget;
        string after = CacheKey.TextAfterTarget(entryName, irFingerprint, CompileSettings.Current);
        nint address = 0;
        if (NumbaConfig.UsePrecompiled && assembly.Location is { Length: > 0 } location)
        {
            int precompiled = Call(&Precompiled, PrecompiledLibrary.FolderOf(location), before + "level ", CacheKey.LevelTargetAfterLevel + after, symbol, &address);
            if (precompiled == Found) return address;
            if (precompiled != Absent) return 0;
        }
        if (!NumbaConfig.CacheAll && (flags & (int)FunctionFlags.Cache) == 0) return 0;
        int cached = Call(&Cached, NumbaCache.FolderFor(assembly), before + "host cpu ", CacheKey.HostTargetAfterCpu + after, symbol, &address);
        return cached == Found ? address : 0;
    }

    private static int Call(delegate*<byte*, byte*, byte*, byte*, nint*, int> lookup, string folder, string head, string tail, byte[] symbol, nint* address)
    {
        byte[] folderText = InvariantText.ToCString(folder), headText = InvariantText.ToCString(head), tailText = InvariantText.ToCString(tail);
        fixed (byte* f = folderText, h = headText, t = tailText, s = symbol) return lookup(f, h, t, s, address);
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
}
