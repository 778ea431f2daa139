// The host CPU's identity and x86-64 level from /proc/cpuinfo, read as bytes: no CPUID intrinsics on a first call.
using System;
using System.Collections.Generic;

namespace NumbaWeaver.Cache;

/// <summary>
/// On Linux x86-64 the first processor block of /proc/cpuinfo names the CPU (vendor, family, model, stepping)
/// and lists the features the kernel enabled (its <c>flags</c> line drops AVX when the OS does not save the
/// vector state): what LLVM's host CPU name and features derive from, so its hash serves as the disk cache's
/// CPU key, and its flags give the x86-64 level of precompiled code to run. Reading it costs one read call;
/// .NET's CPUID intrinsic and the <c>IsSupported</c> checks cost a first call 2-3 ms of jitting and type
/// loading. <see cref="CpuIdentity"/> falls back to CPUID where this file is unusable.
/// </summary>
internal sealed class CpuInfoFile
{
    private static readonly string[] IdentityKeys = ["vendor_id", "cpu family", "model", "model name", "stepping", "flags"];

    // The x86-64 psABI levels as kernel flag names (SSE3 is "pni", LAHF/SAHF is "lahf_lm", LZCNT is "abm").
    private static readonly string[] V2 = ["cx16", "lahf_lm", "popcnt", "pni", "sse4_1", "sse4_2", "ssse3"];
    private static readonly string[] V3 = ["avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "movbe", "xsave"];
    private static readonly string[] V4 = ["avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl"];

    private readonly byte[] _text;
    private readonly int _flagsStart, _flagsEnd;

    private CpuInfoFile(byte[] text, byte[] identity, int flagsStart, int flagsEnd)
    {
        _text = text;
        Identity = identity;
        _flagsStart = flagsStart;
        _flagsEnd = flagsEnd;
    }

    /// <summary>The identity lines of the first processor (the keys above, in file order), for hashing.</summary>
    public byte[] Identity { get; }

    /// <summary>The first processor's block, or null when the file is unreadable or has no <c>flags</c> line (not x86 Linux).</summary>
    public static CpuInfoFile? TryRead()
    {
        // The first block fits in one read; later blocks repeat it per core (and cost the kernel a frequency query each).
        byte[]? text = NativeFiles.TryReadStart("/proc/cpuinfo", 16384);
        if (text is null) return null;
        var identity = new byte[text.Length];
        int identityLength = 0, flagsStart = -1, flagsEnd = -1;
        int at = 0;
        while (at < text.Length)
        {
            int end = Find(text, (byte)'\n', at, text.Length);
            if (end == at) break; // the blank line after the first processor
            int colon = Find(text, (byte)':', at, end);
            if (colon < end)
            {
                int keyEnd = colon;
                while (keyEnd > at && (text[keyEnd - 1] == (byte)' ' || text[keyEnd - 1] == (byte)'\t')) keyEnd--;
                if (IsIdentityKey(text, at, keyEnd))
                {
                    Array.Copy(text, at, identity, identityLength, end - at);
                    identityLength += end - at;
                    identity[identityLength++] = (byte)'\n';
                    if (Equals(text, at, keyEnd, "flags"))
                    {
                        flagsStart = colon + 1;
                        flagsEnd = end;
                    }
                }
            }
            at = end + 1;
        }
        if (flagsStart < 0) return null;
        Array.Resize(ref identity, identityLength);
        return new CpuInfoFile(text, identity, flagsStart, flagsEnd);
    }

    /// <summary>
    /// The x86-64 levels this CPU and kernel run, best first. The kernel lists a feature only when it enabled it
    /// (AVX-512 only with its register state saved), so a flag present is safe to use; a flag missing can only
    /// lower the level. LZCNT is the exception: some kernels omit "abm" on CPUs that have it (this project's CI
    /// machines do), so then .NET is asked.
    /// </summary>
    public List<string> SupportedLevels()
    {
        bool v2 = HasAll(V2);
        bool v3 = v2 && HasAll(V3) && (HasFlag("abm") || CpuIdentity.LzcntSupported());
        return CpuIdentity.LevelNames(v2, v3, v3 && HasAll(V4));
    }

    private bool HasAll(string[] flags)
    {
        foreach (string flag in flags)
            if (!HasFlag(flag)) return false;
        return true;
    }

    /// <summary>Whether the space-separated flags line holds <paramref name="flag"/> as a whole word.</summary>
    public bool HasFlag(string flag)
    {
        int at = _flagsStart;
        while (at < _flagsEnd)
        {
            while (at < _flagsEnd && _text[at] == (byte)' ') at++;
            int end = at;
            while (end < _flagsEnd && _text[end] != (byte)' ') end++;
            if (end > at && Equals(_text, at, end, flag)) return true;
            at = end;
        }
        return false;
    }

    // A loop, not Array.IndexOf<byte>: that instantiation has no precompiled code and would be jitted.
    private static int Find(byte[] text, byte value, int start, int end)
    {
        while (start < end && text[start] != value) start++;
        return start;
    }

    private static bool IsIdentityKey(byte[] text, int start, int end)
    {
        foreach (string key in IdentityKeys)
            if (Equals(text, start, end, key)) return true;
        return false;
    }

    private static bool Equals(byte[] text, int start, int end, string word)
    {
        if (end - start != word.Length) return false;
        for (int i = 0; i < word.Length; i++)
            if (text[start + i] != word[i]) return false;
        return true;
    }
}
