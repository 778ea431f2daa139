// The process-wide compile settings that change machine code (and so belong in every cache key).
using NumbaWeaver.Backend;
using NumbaWeaver.Config;
using NumbaWeaver.IR;

namespace NumbaWeaver.Cache;

/// <summary>Optimisation level and the run-time overrides of per-function flags.</summary>
public sealed record CompileSettings(int OptLevel, bool? BoundsCheckOverride)
{
    /// <summary>What the current process compiles with (NUMBA_OPT, NUMBA_BOUNDSCHECK).</summary>
    public static CompileSettings Current { get; } = new(NumbaConfig.OptLevel, NumbaConfig.BoundsCheck);

    /// <summary>What a process without switches compiles with: the settings precompiled code is built for.</summary>
    public static CompileSettings Defaults { get; } = new(3, null);

    public LoweringOptions ToLoweringOptions() => new() { BoundsCheckOverride = BoundsCheckOverride };

    public override string ToString() => CacheKey.SettingsText(OptLevel, BoundsCheckOverride);
}
