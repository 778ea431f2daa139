// Identifies the CPU without LLVM (CPUID through NativeCpuId, or .NET's intrinsics) for cache keys, and which x86-64 levels it supports for precompiled code.
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System;
using NumbaWeaver.IR;

namespace NumbaWeaver.Cache;

/// <summary>
/// LLVM's host CPU name and features are a function of CPUID and of the vector state the OS enables (XCR0), so
/// hashing those words distinguishes what LLVMGetHostCPUName/Features would, in microseconds and without loading
/// libLLVM. <see cref="SupportedLevels"/> lists the x86-64 micro-architecture levels precompiled code may use.
/// On Linux x86-64 the words come from <see cref="NativeCpuId"/>; elsewhere on x86-64 from .NET's intrinsics.
/// </summary>
public static class CpuIdentity
{
    /// <summary>The precompiled variants the runtime knows, best first.</summary>
    public static readonly string[] KnownLevels = ["x86-64-v4", "x86-64-v3", "x86-64-v2", "x86-64"];

    // Computed on first use without Lazy<T>, whose instantiations the runtime builds on a first call (docs/cache.md).
    // A race computes twice and keeps one of two equal answers.
    private static string? hostFingerprint;
    private static string[]? levels;

    /// <summary>A short hex digest of the host CPU's identity and features.</summary>
    public static string Fingerprint => hostFingerprint ??= ComputeFingerprint();

    /// <summary>The levels of <see cref="KnownLevels"/> this CPU (and OS) can run, best first.</summary>
    public static IReadOnlyList<string> SupportedLevels() => Levels;

    /// <summary>The same as an array, for the dispatcher: enumerating it through IReadOnlyList costs a first call interface dispatch set-up.</summary>
    internal static string[] Levels => levels ??= ComputeLevels();

    private static string[] ComputeLevels() => NativeCpuId.Available ? LevelsFromNativeCpuId() : LevelsFromCpuId();

    /// <summary>The levels from our own CPUID and XGETBV (<see cref="NativeCpuId"/>).</summary>
    internal static string[] LevelsFromNativeCpuId()
    {
        NativeCpuId.Query(1, 0, out _, out _, out int ecx1, out _);
        NativeCpuId.Query(7, 0, out _, out int ebx7, out _, out _);
        NativeCpuId.Query(unchecked((int)0x80000001), 0, out _, out _, out int ecxExt, out _);
        return LevelsOf(ecx1, ebx7, ecxExt, NativeCpuId.EnabledStateMask());
    }

    // XCR0 bits: SSE and AVX state (1, 2); AVX-512 opmask, upper ZMM halves and ZMM16-31 (5, 6, 7).
    private const ulong AvxState = 0x6, Avx512State = 0xE6;

    /// <summary>
    /// The x86-64 psABI levels from CPUID leaf 1 ECX, leaf 7 EBX, leaf 0x80000001 ECX and XCR0, best first: a level
    /// needs its instructions and, for AVX and AVX-512, the OS saving their registers.
    /// </summary>
    internal static string[] LevelsOf(int ecx1, int ebx7, int ecxExt, ulong xcr0)
    {
        static bool Bit(int word, int bit) => (word & (1 << bit)) != 0;
        bool v2 = Bit(ecx1, 0) /* SSE3 */ && Bit(ecx1, 9) /* SSSE3 */ && Bit(ecx1, 13) /* CX16 */ && Bit(ecx1, 19) /* SSE4.1 */
                  && Bit(ecx1, 20) /* SSE4.2 */ && Bit(ecx1, 23) /* POPCNT */ && Bit(ecxExt, 0) /* LAHF */;
        bool v3 = v2 && Bit(ecx1, 27) /* OSXSAVE */ && (xcr0 & AvxState) == AvxState && Bit(ecx1, 28) /* AVX */
                  && Bit(ebx7, 5) /* AVX2 */ && Bit(ebx7, 3) /* BMI1 */ && Bit(ebx7, 8) /* BMI2 */ && Bit(ecx1, 12) /* FMA */
                  && Bit(ecxExt, 5) /* LZCNT */ && Bit(ecx1, 22) /* MOVBE */ && Bit(ecx1, 29) /* F16C */ && Bit(ecx1, 26) /* XSAVE */;
        bool v4 = v3 && (xcr0 & Avx512State) == Avx512State && Bit(ebx7, 16) /* AVX512F */ && Bit(ebx7, 17) /* DQ */
                  && Bit(ebx7, 28) /* CD */ && Bit(ebx7, 30) /* BW */ && Bit(ebx7, 31) /* VL */;
        return LevelNames(v2, v3, v4);
    }

    /// <summary>The levels from .NET's CPUID intrinsic and IsSupported checks (x86-64 outside Linux; the tests' reference).</summary>
    internal static string[] LevelsFromCpuId()
    {
        if (RuntimeInformation.ProcessArchitecture != Architecture.X64) return [];
        var (_, _, ecx1, _) = X86Base.CpuId(1, 0);
        var (_, ebx7, _, _) = X86Base.CpuId(7, 0);
        var (_, _, ecxExt, _) = X86Base.CpuId(unchecked((int)0x80000001), 0);
        bool Bit(int word, int bit) => (word & (1 << bit)) != 0;
        bool v2 = Bit(ecx1, 0) && Bit(ecx1, 9) && Bit(ecx1, 13) && Bit(ecx1, 19) && Bit(ecx1, 20) && Bit(ecx1, 23) && Bit(ecxExt, 0);
        // Avx.IsSupported also says the OS saves the YMM state (XGETBV), which CPUID alone does not.
        bool v3 = v2 && Avx2.IsSupported && Fma.IsSupported && Bmi1.IsSupported && Bmi2.IsSupported && Lzcnt.IsSupported
                  && Bit(ecx1, 22) /* MOVBE */ && Bit(ecx1, 29) /* F16C */ && Bit(ecx1, 26) /* XSAVE */;
        bool v4 = v3 && Avx512F.IsSupported && Avx512BW.IsSupported && Avx512CD.IsSupported && Avx512DQ.IsSupported && Avx512F.VL.IsSupported
                  && Bit(ebx7, 16) && Bit(ebx7, 30);
        return LevelNames(v2, v3, v4);
    }

    /// <summary>The level names for what a CPU supports, best first; the baseline always.</summary>
    internal static string[] LevelNames(bool v2, bool v3, bool v4)
    {
        // The known levels from the best this CPU runs down to the baseline (KnownLevels is best first).
        int best = v4 ? 0 : v3 ? 1 : v2 ? 2 : 3;
        var levels = new string[KnownLevels.Length - best];
        Array.Copy(KnownLevels, best, levels, 0, levels.Length);
        return levels;
    }

    private static string ComputeFingerprint()
    {
        if (RuntimeInformation.ProcessArchitecture == Architecture.X64) return Sha256.ToHex(Sha256.Hash(CpuIdWords()))[..16];
        return FingerprintFromCpuInfo();
    }

    // Apart from ComputeFingerprint, and not inlined: a method that mentions File loads the framework's file types on its
    // first call, whichever branch it takes (docs/cache.md, "Why the first call is fast").
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static string FingerprintFromCpuInfo()
    {
        string text = RuntimeInformation.ProcessArchitecture.ToString();
        if (File.Exists("/proc/cpuinfo")) text += File.ReadAllText("/proc/cpuinfo");
        return Sha256.HexOf(text)[..16];
    }

    // Raw bytes, not formatted text: number formatting and StringBuilder cost a first call milliseconds of start-up.
    private static readonly int[] Leaves = [0, 0, 1, 0, 7, 0, 7, 1, 0xD, 1, unchecked((int)0x80000001), 0];

    /// <summary>The CPUID words of <see cref="Leaves"/> (leaf, subleaf pairs) and the OS's AVX/AVX-512 state support, little-endian.</summary>
    internal static byte[] CpuIdWords()
    {
        var bytes = new byte[Leaves.Length / 2 * 16 + 1];
        for (int i = 0; i < Leaves.Length; i += 2)
        {
            int eax, ebx, ecx, edx;
            if (NativeCpuId.Available) NativeCpuId.Query(Leaves[i], Leaves[i + 1], out eax, out ebx, out ecx, out edx);
            else DotNetCpuId(Leaves[i], Leaves[i + 1], out eax, out ebx, out ecx, out edx);
            // Leaf 1 EBX holds the APIC id of the current core: keep only its stable low bytes (brand, clflush).
            if (Leaves[i] == 1) ebx &= 0xFFFF;
            int at = i / 2 * 16;
            LittleEndian.Write(bytes, at, (uint)eax, 4);
            LittleEndian.Write(bytes, at + 4, (uint)ebx, 4);
            LittleEndian.Write(bytes, at + 8, (uint)ecx, 4);
            LittleEndian.Write(bytes, at + 12, (uint)edx, 4);
        }
        bytes[^1] = NativeCpuId.Available ? OsVectorState(NativeCpuId.EnabledStateMask()) : DotNetOsVectorState();
        return bytes;
    }

    private static byte OsVectorState(ulong xcr0) =>
        (byte)(((xcr0 & AvxState) == AvxState ? 1 : 0) | ((xcr0 & Avx512State) == Avx512State ? 2 : 0));

    // Apart from CpuIdWords, and not inlined: methods that use .NET's CPUID intrinsic or ask IsSupported have no
    // ReadyToRun code, and its tuple type would be loaded with CpuIdWords.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void DotNetCpuId(int leaf, int subleaf, out int eax, out int ebx, out int ecx, out int edx) =>
        (eax, ebx, ecx, edx) = X86Base.CpuId(leaf, subleaf);

    private static byte DotNetOsVectorState() => (byte)((Avx.IsSupported ? 1 : 0) | (Avx512F.IsSupported ? 2 : 0));
}
