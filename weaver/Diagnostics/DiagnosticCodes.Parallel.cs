// NJ04xx: diagnostics of Numba.Prange loops and [Njit(Parallel = true)] (see docs/parallel.md).
namespace NumbaWeaver.Weaving.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>A Numba.Prange range used other than by <c>foreach</c> directly (stored, passed, enumerated by hand).</summary>
    public const string PrangeUsage = "NJ0401";

    /// <summary>A variable written inside a parallel loop that is neither private to an iteration nor a recognised reduction.</summary>
    public const string UnsafeParallelWrite = "NJ0402";

    /// <summary>Control leaves a parallel loop's body other than by finishing the iteration (break, return, goto out).</summary>
    public const string ParallelLoopExit = "NJ0403";
}
