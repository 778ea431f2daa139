// Runtime switches: environment variables (Numba's names) first, then runtimeconfig.json/AppContext.
namespace NumbaWeaver.Config;

/// <summary>
/// Reads each switch once, from the environment variable (e.g. <c>NUMBA_DISABLE_JIT</c>) or, when
/// that is unset, from the AppContext data of the same name with a <c>NumbaWeaver.</c> prefix
/// (<c>NumbaWeaver.NUMBA_DISABLE_JIT</c>), which MSBuild properties write into runtimeconfig.json.
/// The switches a first call needs are read by the stubs' entry assembly (<see cref="Entry.Switches"/>); these are its values.
/// </summary>
public static partial class NumbaConfig
{
    /// <summary>NUMBA_DISABLE_JIT=1: run the original C#; LLVM is never loaded.</summary>
    public static bool DisableJit => Entry.Switches.DisableJit;

    /// <summary>NUMBA_OPT=0..3: LLVM optimisation level (default 3).</summary>
    public static int OptLevel => Entry.Switches.OptLevel;

    /// <summary>NUMBA_BOUNDSCHECK=0/1 overrides every method's BoundsCheck; unset keeps the per-method setting.</summary>
    public static bool? BoundsCheck => Entry.Switches.BoundsCheck;

    /// <summary>NUMBA_DUMP_IR=1: print the NumbaWeaver IR of each compiled function.</summary>
    public static bool DumpIr => Diagnostics.DumpIr;

    /// <summary>NUMBA_DUMP_LLVM=1: print the LLVM IR before optimisation.</summary>
    public static bool DumpLlvm => Diagnostics.DumpLlvm;

    /// <summary>NUMBA_DUMP_OPTIMIZED=1: print the LLVM IR after optimisation.</summary>
    public static bool DumpOptimized => Diagnostics.DumpOptimized;

    /// <summary>NUMBA_DUMP_ASSEMBLY=1: print the machine code as assembly.</summary>
    public static bool DumpAssembly => Diagnostics.DumpAssembly;

    /// <summary>NUMBA_JIT_STRICT=1: throw instead of falling back to the original C# when compilation fails.</summary>
    public static bool Strict => Diagnostics.Strict;

    // The switches a cached or precompiled hit never reads, apart: each read costs a first call (docs/cache.md).
    private static class Diagnostics
    {
        public static readonly bool DumpIr = Flag("NUMBA_DUMP_IR", false);
        public static readonly bool DumpLlvm = Flag("NUMBA_DUMP_LLVM", false);
        public static readonly bool DumpOptimized = Flag("NUMBA_DUMP_OPTIMIZED", false);
        public static readonly bool DumpAssembly = Flag("NUMBA_DUMP_ASSEMBLY", false);
        public static readonly bool Strict = Flag("NUMBA_JIT_STRICT", false);
    }

    /// <summary>The raw value of a switch: environment first, then AppContext data.</summary>
    public static string? Raw(string name) => Entry.Switches.Raw(name);

    private static bool Flag(string name, bool fallback) => Entry.Switches.Flag(name, fallback);
}
