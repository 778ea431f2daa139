// The cache key of one compiled entry: everything that can change its machine code, hashed.
using System;
using NumbaWeaver.IR;
using NumbaWeaver.Llvm;

namespace NumbaWeaver.Cache;

/// <summary>
/// SHA-256 over: the key format and our own build (<see cref="Entry.BuildIdentity"/>, a digest of the runtime's sources,
/// generated at build time by runtime/Entry/BuildIdentity.targets), the IR format version, the target (host CPU fingerprint and the libLLVM
/// that would compile, or a named x86-64 level), the compile settings, and the printed IR of the entry and of
/// every function it calls (the IR fingerprint, <see cref="IrIndex.Fingerprint"/>), so changing a callee anywhere invalidates it.
/// Type arguments are part of an instantiated function's IR name, so they are covered by the IR text.
/// </summary>
public static class CacheKey
{
    /// <summary>Bumped when the key text or the object-code conventions change.</summary>
    public const int KeyFormat = Entry.KeyFormats.Key;

    /// <summary>Target text of code compiled for this very CPU by the libLLVM this process would load.</summary>
    public static string HostTarget => string.Concat("host cpu " + CpuIdentity.Fingerprint, " llvm " + LlvmLibrary.Fingerprint, OurBuild);

    /// <summary>Target text of code precompiled for an x86-64 level (independent of the LLVM used at build time).</summary>
    public static string LevelTarget(string level) => "level " + level + OurBuild;

    /// <summary>How both targets end: our own build (<see cref="Entry.BuildIdentity"/>), after the level or the libLLVM fingerprint.</summary>
    internal const string OurBuild = Entry.KeyFormats.OurBuild;

    /// <summary>The key as 64 lowercase hex digits.</summary>
    public static string For(IrModule module, IrFunction entry, CompileSettings settings, string target) =>
        For(entry.Name, IrIndex.Fingerprint(module, entry), settings, target);

    /// <summary>The key of an entry whose IR fingerprint (<see cref="IrIndex.Fingerprint"/>) is known, e.g. from the woven index.</summary>
    public static string For(string entryName, string irFingerprint, CompileSettings settings, string target) =>
        Sha256.HexOf(TextBeforeTarget + target + TextAfterTarget(entryName, irFingerprint, settings.ToString()));

    /// <summary>
    /// The hashed text is <see cref="TextBeforeTarget"/>, the target, then <see cref="TextAfterTarget"/>: apart, so the
    /// native hit path (<see cref="NativeHit"/>) can put the CPU-dependent part of the target (a level name, the CPU
    /// fingerprint) in between itself.
    /// </summary>
    // Concatenated, not interpolated: the interpolation handler's first use costs a first call about a millisecond.
    // At most four pieces per Concat: more builds an inline array type at run time.
    internal static string TextBeforeTarget =>
        string.Concat("numbaweaver-cache " + InvariantText.Decimal(KeyFormat), "\nir-format " + InvariantText.Decimal(IrModule.FormatVersion), "\ntarget ");

    /// <summary>The key text after the target: the compile settings (<see cref="SettingsText"/>), the entry and its IR fingerprint.</summary>
    internal static string TextAfterTarget(string entryName, string irFingerprint, string settings) =>
        string.Concat("\nsettings " + settings, "\nentry " + entryName, "\nir " + irFingerprint + "\n");

    /// <summary>How compile settings read in the key (<see cref="CompileSettings.ToString"/>).</summary>
    internal static string SettingsText(int optLevel, bool? boundsCheckOverride) =>
        "opt " + InvariantText.Decimal(optLevel) + " boundscheck " + (boundsCheckOverride is { } b ? b ? "on" : "off" : "per-function");
}
