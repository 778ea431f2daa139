// The CPU identity behind the disk cache's key, and the x86-64 levels that choose precompiled code.
using System;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using NumbaWeaver.Cache;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Cache;

public class CpuIdentityTests
{
    private static bool LinuxX64 => OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64;

    [Fact]
    public void Our_cpuid_reads_the_words_dotnets_intrinsic_reads()
    {
        if (!LinuxX64) return;
        // Leaves whose words do not depend on the core the thread runs on (leaf 1 EBX holds the APIC id).
        foreach (var (leaf, subleaf) in new[] { (0, 0), (7, 0), (unchecked((int)0x80000001), 0), (0xD, 1) })
        {
            NativeCpuId.Query(leaf, subleaf, out int eax, out int ebx, out int ecx, out int edx);
            (eax, ebx, ecx, edx).ShouldBe(X86Base.CpuId(leaf, subleaf), $"CPUID leaf {leaf:X}, subleaf {subleaf}");
        }
        NativeCpuId.Query(1, 0, out int eax1, out _, out int ecx1, out int edx1);
        var dotnet = X86Base.CpuId(1, 0);
        (eax1, ecx1, edx1).ShouldBe((dotnet.Eax, dotnet.Ecx, dotnet.Edx));
    }

    [Fact]
    public void Xcr0_agrees_with_dotnets_view_of_the_os_vector_state()
    {
        if (!LinuxX64) return;
        ulong xcr0 = NativeCpuId.EnabledStateMask();
        ((xcr0 & 0x6) == 0x6).ShouldBe(Avx.IsSupported); // x87/SSE/AVX state saved: what Avx.IsSupported checks beyond CPUID
        if (Avx512F.IsSupported) (xcr0 & 0xE6).ShouldBe(0xE6UL);
    }

    [Fact]
    public void Levels_from_our_cpuid_equal_levels_from_dotnets_intrinsics()
    {
        if (!LinuxX64) return;
        CpuIdentity.LevelsFromNativeCpuId().ShouldBe(CpuIdentity.LevelsFromCpuId());
        CpuIdentity.SupportedLevels().ShouldBe(CpuIdentity.LevelsFromCpuId());
    }

    [Theory]
    // leaf 1 ECX, leaf 7 EBX, leaf 0x80000001 ECX, XCR0 -> best level
    [InlineData(0, 0, 0, 0UL, "x86-64")]
    [InlineData(0x00B82201, 0, 0x1, 0x3UL, "x86-64-v2")]                       // SSE3 SSSE3 CX16 SSE4.1/4.2 POPCNT, LAHF
    [InlineData(0x3CF83201, 0x128, 0x21, 0x7UL, "x86-64-v3")]                  // + AVX FMA MOVBE F16C XSAVE OSXSAVE, AVX2 BMI1/2, LZCNT
    [InlineData(0x3CF83201, 0x128, 0x1, 0x7UL, "x86-64-v2")]                   // no LZCNT
    [InlineData(0x3CF83201, 0x128, 0x21, 0x3UL, "x86-64-v2")]                  // the OS does not save the AVX state
    [InlineData(0x3CF83201, unchecked((int)0xD0030128), 0x21, 0xE7UL, "x86-64-v4")] // + AVX-512 F DQ CD BW VL with its state
    [InlineData(0x3CF83201, unchecked((int)0xD0030128), 0x21, 0x7UL, "x86-64-v3")]  // AVX-512 without its state saved
    public void Levels_follow_the_psabi_definitions(int ecx1, int ebx7, int ecxExt, ulong xcr0, string best)
    {
        var levels = CpuIdentity.LevelsOf(ecx1, ebx7, ecxExt, xcr0);
        levels[0].ShouldBe(best);
        levels[^1].ShouldBe("x86-64");
    }

    [Fact]
    public void The_fingerprint_is_stable_and_short()
    {
        CpuIdentity.Fingerprint.Length.ShouldBe(16);
        CpuIdentity.Fingerprint.ShouldBe(CpuIdentity.Fingerprint);
        if (RuntimeInformation.ProcessArchitecture == Architecture.X64)
            CpuIdentity.CpuIdWords().ShouldBe(CpuIdentity.CpuIdWords()); // masked APIC id: the same on every core
    }

    [Fact]
    public void Levels_are_best_first_and_end_with_the_baseline()
    {
        var levels = CpuIdentity.SupportedLevels();
        levels[^1].ShouldBe("x86-64");
        if (Avx2.IsSupported && Fma.IsSupported) levels.ShouldContain("x86-64-v3");
        for (int i = 1; i < levels.Count; i++)
            Array.IndexOf(CpuIdentity.KnownLevels, levels[i]).ShouldBeGreaterThan(Array.IndexOf(CpuIdentity.KnownLevels, levels[i - 1]));
    }
}
