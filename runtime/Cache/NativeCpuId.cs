// CPUID and XGETBV run as 40 bytes of our own machine code: the CPU's features without .NET's intrinsics or /proc/cpuinfo.
using System;
using System.Runtime.InteropServices;

namespace NumbaWeaver.Cache;

/// <summary>
/// Two tiny functions mapped once per process (Linux x86-64): <c>cpuid(leaf, subleaf, int* words)</c> and
/// <c>xgetbv()</c> (XCR0, which says what vector state the OS saves). They read exactly what LLVM's host detection
/// reads, so the x86-64 level picked for precompiled code is the one LLVM would call this CPU. Why not .NET's
/// <c>X86Base.CpuId</c> and <c>IsSupported</c>: methods that ask them have no ReadyToRun code, and jitting them and
/// their value tuples cost a process's first call 0.5-2 ms (docs/cache.md). Why not /proc/cpuinfo: reading and
/// scanning it cost 0.6 ms, and some kernels omit flags the CPU has (LZCNT's "abm" on this project's CI machines).
/// </summary>
internal static unsafe class NativeCpuId
{
    // push rbx; mov eax, edi; mov ecx, esi; mov r8, rdx; cpuid; mov [r8], eax; mov [r8+4], ebx; mov [r8+8], ecx;
    // mov [r8+12], edx; pop rbx; ret. RBX is callee-saved in the System V ABI and CPUID overwrites it.
    private static readonly byte[] CpuIdCode =
    [
        0x53, 0x89, 0xF8, 0x89, 0xF1, 0x49, 0x89, 0xD0, 0x0F, 0xA2, 0x41, 0x89, 0x00,
        0x41, 0x89, 0x58, 0x04, 0x41, 0x89, 0x48, 0x08, 0x41, 0x89, 0x50, 0x0C, 0x5B, 0xC3,
    ];

    // xor ecx, ecx; xgetbv; shl rdx, 32; or rax, rdx; ret: XCR0 as one 64-bit value.
    private static readonly byte[] XgetbvCode = [0x31, 0xC9, 0x0F, 0x01, 0xD0, 0x48, 0xC1, 0xE2, 0x20, 0x48, 0x09, 0xD0, 0xC3];

    private const int XgetbvOffset = 32;

    private static nint code; // the sealed page, mapped on first use (a race maps twice and keeps one: harmless)
    private static int state;  // 0: not tried yet, 1: mapped, -1: unavailable

    /// <summary>
    /// Whether this reader works here: Linux x86-64 (the code is System V x86-64, the page comes from mmap) and the
    /// process may map executable memory. Where it may not, callers ask .NET's intrinsics instead.
    /// </summary>
    public static bool Available
    {
        get
        {
            if (state == 0) state = TryMap() ? 1 : -1;
            return state > 0;
        }
    }

    /// <summary>EAX, EBX, ECX, EDX of CPUID leaf <paramref name="leaf"/>, subleaf <paramref name="subleaf"/> (only when <see cref="Available"/>).</summary>
    public static void Query(int leaf, int subleaf, out int eax, out int ebx, out int ecx, out int edx)
    {
        int* words = stackalloc int[4];
        ((delegate* unmanaged<int, int, int*, void>)Code())(leaf, subleaf, words);
        eax = words[0];
        ebx = words[1];
        ecx = words[2];
        edx = words[3];
    }

    /// <summary>XCR0 when the OS enabled XSAVE (CPUID 1 ECX bit 27), else 0: XGETBV would fault without it.</summary>
    public static ulong EnabledStateMask()
    {
        Query(1, 0, out _, out _, out int ecx, out _);
        if ((ecx & (1 << 27)) == 0) return 0;
        return ((delegate* unmanaged<ulong>)(Code() + XgetbvOffset))();
    }

    private static nint Code() => Available ? code : throw new PlatformNotSupportedException("NativeCpuId needs Linux x86-64 and executable memory");

    private static bool TryMap()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64) return false;
        nint page;
        try
        {
            page = ExecutableMemory.Allocate(XgetbvOffset + XgetbvCode.Length);
        }
        catch (OutOfMemoryException)
        {
            return false;
        }
        for (int i = 0; i < CpuIdCode.Length; i++) ((byte*)page)[i] = CpuIdCode[i];
        for (int i = 0; i < XgetbvCode.Length; i++) ((byte*)page)[XgetbvOffset + i] = XgetbvCode[i];
        try
        {
            ExecutableMemory.SealExecutable(page, XgetbvOffset + XgetbvCode.Length); // refused where policies forbid exec mappings
        }
        catch (InvalidOperationException)
        {
            ExecutableMemory.Free(page, XgetbvOffset + XgetbvCode.Length);
            return false;
        }
        code = page;
        return true;
    }
}
