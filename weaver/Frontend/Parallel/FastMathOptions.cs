// Maps [Njit(FastMathFlags = ...)] (NumbaWeaver.FastMathFlags bits) to the IR's per-flag FunctionFlags.
using NumbaWeaver.IR;

namespace NumbaWeaver.Weaving.Frontend.Parallel;

/// <summary>The weaver cannot reference the runtime assembly: the enum's bits are mirrored here (see runtime/Api/FastMathFlags.cs).</summary>
internal static class FastMathOptions
{
    public static FunctionFlags ToFunctionFlags(int bits)
    {
        var flags = FunctionFlags.None;
        if ((bits & 1) != 0) flags |= FunctionFlags.FastReassoc;
        if ((bits & 2) != 0) flags |= FunctionFlags.FastContract;
        if ((bits & 4) != 0) flags |= FunctionFlags.FastNoNaNs;
        if ((bits & 8) != 0) flags |= FunctionFlags.FastNoInfs;
        if ((bits & 16) != 0) flags |= FunctionFlags.FastNoSignedZeros;
        if ((bits & 32) != 0) flags |= FunctionFlags.FastArcp;
        if ((bits & 64) != 0) flags |= FunctionFlags.FastAfn;
        return flags;
    }
}
