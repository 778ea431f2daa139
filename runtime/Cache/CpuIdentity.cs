// Identifies the CPU without LLVM (CPUID) for cache keys, and which x86-64 levels it supports for precompiled code.
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Text;
using System;
using NumbaWeaver.IR;

namespace NumbaWeaver.Cache;

/// <summary>
/// LLVM's host CPU name and features are a function of CPUID (and of the OS enabling AVX state), so hashing
/// the CPUID words gives the same key LLVMGetHostCPUName/Features would, in microseconds and without loading
/// libLLVM. <see cref="SupportedLevels"/> lists the x86-64 micro-architecture levels precompiled code may use.
/// </summary>
public static class CpuIdentity
{
    /// <summary>The precompiled variants the runtime knows, best first.</summary>
    public static readonly string[] KnownLevels = ["x86-64-v4", "x86-64-v3", "x86-64-v2", "x86-64"];

    private static readonly Lazy<string> HostFingerprint = new(ComputeFingerprint);

    /// <summary>A short hex digest of the host CPU's identity and features.</summary>
    public static string Fingerprint => HostFingerprint.Value;

    /// <summary>The levels of <see cref="KnownLevels"/> this CPU (and OS) can run, best first.</summary>
    public static IReadOnlyList<string> SupportedLevels()
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
        if (v4) levels.Add("x86-64-v4");
        if (v3) levels.Add("x86-64-v3");
        if (v2) levels.Add("x86-64-v2");
        levels.Add("x86-64");
        return levels;
    }

    private static string ComputeFingerprint()
    {
        var text = new StringBuilder(RuntimeInformation.ProcessArchitecture.ToString());
        if (RuntimeInformation.ProcessArchitecture == Architecture.X64)
        {
            foreach (var (leaf, sub) in new[] { (0, 0), (1, 0), (7, 0), (7, 1), (0xD, 1), (unchecked((int)0x80000001), 0) })
            {
                var (a, b, c, d) = X86Base.CpuId(leaf, sub);
                // Leaf 1 EBX holds the APIC id of the current core: keep only its stable low bytes (brand, clflush).
                if (leaf == 1) b &= 0xFFFF;
                text.Append(' ').Append(a.ToString("x8")).Append(b.ToString("x8")).Append(c.ToString("x8")).Append(d.ToString("x8"));
            }
            text.Append(Avx.IsSupported ? " ymm" : "").Append(Avx512F.IsSupported ? " zmm" : "");
        }
        else if (File.Exists("/proc/cpuinfo"))
        {
            text.Append(File.ReadAllText("/proc/cpuinfo"));
        }
        return Sha256.HexOf(text.ToString())[..16];
    }
}
