// The cache key of one compiled entry: everything that can change its machine code, hashed.
using System;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using NumbaWeaver.IR;
using NumbaWeaver.Llvm;

namespace NumbaWeaver.Cache;

/// <summary>
/// SHA-256 over: the key format and our own build (the runtime assembly's MVID for the per-user cache, its
/// version for precompiled code), the IR format version, the target (host CPU fingerprint and the libLLVM
/// that would compile, or a named x86-64 level), the compile settings, and the printed IR of the entry and of
/// every function it calls (<see cref="IrModule.CallClosure"/>), so changing a callee anywhere invalidates it.
/// Type arguments are part of an instantiated function's IR name, so they are covered by the IR text.
/// </summary>
public static class CacheKey
{
    /// <summary>Bumped when the key text or the object-code conventions change.</summary>
    public const int KeyFormat = 1;

    private static readonly Assembly Runtime = typeof(CacheKey).Assembly;

    /// <summary>Target text of code compiled for this very CPU by the libLLVM this process would load.</summary>
    public static string HostTarget =>
        $"host cpu {CpuIdentity.Fingerprint} llvm {LlvmLibrary.Fingerprint} runtime {Runtime.ManifestModule.ModuleVersionId}";

    /// <summary>Target text of code precompiled for an x86-64 level (independent of the LLVM used at build time).</summary>
    public static string LevelTarget(string level) =>
        $"level {level} runtime {Runtime.GetName().Version}";

    /// <summary>The key as 64 lowercase hex digits.</summary>
    public static string For(IrModule module, IrFunction entry, CompileSettings settings, string target)
    {
        var text = new StringBuilder();
        text.Append("numbaweaver-cache ").Append(KeyFormat).Append('\n');
        text.Append("ir-format ").Append(IrModule.FormatVersion).Append('\n');
        text.Append("target ").Append(target).Append('\n');
        text.Append("settings ").Append(settings).Append('\n');
        text.Append("entry ").Append(entry.Name).Append('\n');
        // Sorted by name: the key must not depend on the order calls happen to be discovered in.
        foreach (var function in module.CallClosure(entry).OrderBy(f => f.Name, StringComparer.Ordinal))
            text.Append(IrPrinter.Print(function)).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
