// FastMathFlags: the LLVM fast-math flags a method may opt into one by one (Numba's fastmath={...} set form).
using System;

namespace NumbaWeaver;

/// <summary>
/// Individual fast-math permissions, set on every floating-point instruction of the method
/// (<c>[Njit(FastMathFlags = FastMathFlags.Reassoc | FastMathFlags.Contract)]</c>).
/// <c>FastMath = true</c> is the same as <see cref="Fast"/>.
/// </summary>
[Flags]
public enum FastMathFlags
{
    None = 0,
    /// <summary>Reassociate (reorders sums: lets LLVM vectorize reductions).</summary>
    Reassoc = 1,
    /// <summary>Contract a*b+c into a fused multiply-add.</summary>
    Contract = 2,
    /// <summary>Assume no argument or result is NaN.</summary>
    NoNaNs = 4,
    /// <summary>Assume no argument or result is infinite.</summary>
    NoInfs = 8,
    /// <summary>Ignore the sign of zero.</summary>
    NoSignedZeros = 16,
    /// <summary>Use x * (1/y) for x / y.</summary>
    AllowReciprocal = 32,
    /// <summary>Approximate functions (sin, log...) where LLVM has approximations.</summary>
    ApproxFunc = 64,
    /// <summary>All of the above (LLVM's <c>fast</c>).</summary>
    Fast = Reassoc | Contract | NoNaNs | NoInfs | NoSignedZeros | AllowReciprocal | ApproxFunc,
}
