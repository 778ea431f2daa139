// Identifies the CPU without LLVM (/proc/cpuinfo or CPUID) for cache keys, and which x86-64 levels it supports for precompiled code.
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Buffers.Binary;
using System;
using NumbaWeaver.IR;

namespace NumbaWeaver.Cache;

/// <summary>
/// LLVM's host CPU name and features are a function of CPUID (and of the OS enabling AVX state), so hashing
/// the CPU's identity and feature flags (from /proc/cpuinfo on Linux, see <see cref="CpuInfoFile"/>, else the
/// CPUID words) distinguishes what LLVMGetHostCPUName/Features would, in microseconds and without loading libLLVM. <see cref="SupportedLevels"/> lists the x86-64 micro-architecture levels precompiled code may use.
/// </summary>
public static class CpuIdentity
{
    /// <summary>The precompiled variants the runtime knows, best first.</summary>
    public static readonly string[] KnownLevels = ["x86-64-v4", "x86-64-v3", "x86-64-v2", "x86-64"];

    // Computed on first use without Lazy<T>, whose instantiations the runtime builds on a first call (docs/cache.md).
    // A race computes twice and keeps one of two equal answers.
    private static string? hostFingerprint;
    private static IReadOnlyList<string>? levels;
    private static CpuInfoFile? cpuInfo;
    private static volatile bool cpuInfoRead;

    /// <summary>A short hex digest of the host CPU's identity and features.</summary>
    public static string Fingerprint => hostFingerprint ??= ComputeFingerprint();

    /// <summary>The levels of <see cref="KnownLevels"/> this CPU (and OS) can run, best first.</summary>
    public static IReadOnlyList<string> SupportedLevels() => levels ??= ComputeLevels();

    // On Linux x86-64: /proc/cpuinfo (CpuInfoFile); elsewhere, or when it is unreadable, CPUID.
    private static CpuInfoFile? CpuInfo
    {
        get
        {
            if (!cpuInfoRead)
            {
                cpuInfo = ReadCpuInfo();
                cpuInfoRead = true;
            }
            return cpuInfo;
        }
    }

    private static CpuInfoFile? ReadCpuInfo() => RuntimeInformation.ProcessArchitecture == Architecture.X64 ? CpuInfoFile.TryRead() : null;

    private static IReadOnlyList<string> ComputeLevels() => CpuInfo is { } info ? info.SupportedLevels() : LevelsFromCpuId();

    /// <summary>Whether LZCNT runs (for kernels whose /proc/cpuinfo omits "abm").</summary>
    // Not inlined: a caller that asks IsSupported of an instruction set has no ReadyToRun code and would be jitted.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    internal static bool LzcntSupported() => Lzcnt.IsSupported;

    internal static List<string> LevelsFromCpuId()
    {
        var levels = new List<string>();
        if (RuntimeInformation.ProcessArchitecture != Architecture.X64) return levels;
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
    internal static List<string> LevelNames(bool v2, bool v3, bool v4)
    {
        var levels = new List<string>();
        if (v4) levels.Add("x86-64-v4");
        if (v3) levels.Add("x86-64-v3");
        if (v2) levels.Add("x86-64-v2");
        levels.Add("x86-64");
        return levels;
    }

    private static string ComputeFingerprint()
    {
        if (CpuInfo is { } info) return Sha256.ToHex(Sha256.Hash(info.Identity))[..16];
        if (RuntimeInformation.ProcessArchitecture == Architecture.X64) return Sha256.ToHex(Sha256.Hash(CpuIdWords()))[..16];
        string text = RuntimeInformation.ProcessArchitecture.ToString();
        if (File.Exists("/proc/cpuinfo")) text += File.ReadAllText("/proc/cpuinfo");
        return Sha256.HexOf(text)[..16];
    }

    // Raw bytes, not formatted text: number formatting and StringBuilder cost a first call milliseconds of start-up.
    private static readonly int[] Leaves = [0, 0, 1, 0, 7, 0, 7, 1, 0xD, 1, unchecked((int)0x80000001), 0];

    /// <summary>The CPUID words of <see cref="Leaves"/> (leaf, subleaf pairs) and the OS's AVX/AVX-512 state support, little-endian.</summary>
    private static byte[] CpuIdWords()
    {
        var bytes = new byte[Leaves.Length / 2 * 16 + 1];
        for (int i = 0; i < Leaves.Length; i += 2)
        {
            var words = X86Base.CpuId(Leaves[i], Leaves[i + 1]);
            // Leaf 1 EBX holds the APIC id of the current core: keep only its stable low bytes (brand, clflush).
            int b = Leaves[i] == 1 ? words.Ebx & 0xFFFF : words.Ebx;
            int at = i / 2 * 16;
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at), words.Eax);
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at + 4), b);
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at + 8), words.Ecx);
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at + 12), words.Edx);
        }
        bytes[^1] = OsVectorState();
        return bytes;
    }

    // Apart from CpuIdWords: a method that asks IsSupported of AVX-512 has no ReadyToRun code and is jitted.
    private static byte OsVectorState() => (byte)((Avx.IsSupported ? 1 : 0) | (Avx512F.IsSupported ? 2 : 0));
}
