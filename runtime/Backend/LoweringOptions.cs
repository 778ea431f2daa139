// Run-time switches that override the per-function flags when lowering (NUMBA_BOUNDSCHECK, fast-math).
namespace NumbaWeaver.Backend;

/// <summary>Overrides applied to every function of a lowered module; null keeps the function's own flag.</summary>
public sealed class LoweringOptions
{
    public static readonly LoweringOptions Default = new();

    /// <summary>NUMBA_BOUNDSCHECK: true/false forces bounds checks on/off; null uses <c>FunctionFlags.BoundsCheck</c>.</summary>
    public bool? BoundsCheckOverride { get; init; }

    /// <summary>Forces fast-math on/off; null uses <c>FunctionFlags.FastMath</c>.</summary>
    public bool? FastMathOverride { get; init; }

    /// <summary>Sets fast-math flags through printed IR (<see cref="FastMathText"/>) even where LLVM could set them
    /// directly: how tests exercise the path LLVM 15-17 take.</summary>
    internal bool FastMathThroughText { get; init; }
}
