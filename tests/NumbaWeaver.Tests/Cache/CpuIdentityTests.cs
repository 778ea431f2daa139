// The CPU identity behind the disk cache's key, and the x86-64 levels that choose precompiled code.
using System;
using System.Runtime.InteropServices;
using System.Text;
using NumbaWeaver.Cache;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Cache;

public class CpuIdentityTests
{
    private static bool LinuxX64 => OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64;

    [Fact]
    public void Cpuinfo_gives_the_first_processors_identity_lines()
    {
        if (!LinuxX64) return;
        var info = CpuInfoFile.TryRead();
        info.ShouldNotBeNull("/proc/cpuinfo has no usable first processor block");
        string identity = Encoding.ASCII.GetString(info.Identity);
        identity.ShouldContain("vendor_id");
        identity.ShouldContain("model name");
        identity.ShouldStartWith("vendor_id"); // "processor : 0" is not part of it
        identity.ShouldNotContain("MHz");      // changes from one read to the next
        identity.ShouldNotContain("bogomips");
        identity.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(6); // vendor, family, model, name, stepping, flags
    }

    [Fact]
    public void Levels_from_cpuinfo_equal_levels_from_cpuid()
    {
        if (!LinuxX64) return;
        var info = CpuInfoFile.TryRead()!;
        info.SupportedLevels().ShouldBe(CpuIdentity.LevelsFromCpuId());
        CpuIdentity.SupportedLevels().ShouldBe(CpuIdentity.LevelsFromCpuId());
    }

    [Fact]
    public void Cpuinfo_flags_match_whole_words_only()
    {
        if (!LinuxX64) return;
        var info = CpuInfoFile.TryRead()!;
        info.HasFlag("sse2").ShouldBeTrue(); // every x86-64 CPU
        info.HasFlag("sse").ShouldBeTrue();
        info.HasFlag("sse2x").ShouldBeFalse();
        info.HasFlag("").ShouldBeFalse();
        info.HasFlag("avx2").ShouldBe(System.Runtime.Intrinsics.X86.Avx2.IsSupported);
    }

    [Fact]
    public void The_fingerprint_is_stable_and_short()
    {
        CpuIdentity.Fingerprint.Length.ShouldBe(16);
        CpuIdentity.Fingerprint.ShouldBe(CpuIdentity.Fingerprint);
    }

    [Fact]
    public void Levels_are_best_first_and_end_with_the_baseline()
    {
        var levels = CpuIdentity.SupportedLevels();
        levels[^1].ShouldBe("x86-64");
        if (System.Runtime.Intrinsics.X86.Avx2.IsSupported && System.Runtime.Intrinsics.X86.Fma.IsSupported) levels.ShouldContain("x86-64-v3");
        for (int i = 1; i < levels.Count; i++)
            Array.IndexOf(CpuIdentity.KnownLevels, levels[i]).ShouldBeGreaterThan(Array.IndexOf(CpuIdentity.KnownLevels, levels[i - 1]));
    }
}
