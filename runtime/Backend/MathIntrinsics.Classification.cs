// double.IsNaN/IsFinite/... and float's: integer tests on the bit pattern, as .NET writes them, exact even under FastMath.
using System;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Backend;

internal sealed partial class FunctionLowering
{
    /// <summary>
    /// Bit tests rather than fcmp: fast-math's nnan/ninf would fold an fcmp-based IsNaN to false,
    /// while the user asked a question about the value. Returns the bool widened to i32 (its stack type).
    /// </summary>
    private LLVMValueRef Classify(string method, LLVMValueRef x)
    {
        bool single = LLVM.TypeOf(x) == _t.F32;
        var it = single ? _t.I32 : _t.I64;
        long exponentMask = single ? 0x7F800000L : 0x7FF0000000000000L;
        long signMask = single ? unchecked((long)0xFFFFFFFF80000000UL) : long.MinValue;
        long smallestNormal = single ? 0x00800000L : 0x0010000000000000L;
        var bits = LLVM.BuildBitCast(_b, x, it, "");
        var magnitude = LLVM.BuildAnd(_b, bits, ConstInt(it, ~signMask), "");
        LLVMValueRef U(LLVMIntPredicate p, LLVMValueRef a, long b) => ICmp(p, a, ConstInt(it, b));
        var result = method switch
        {
            "IsNaN" => U(LLVMIntPredicate.LLVMIntUGT, magnitude, exponentMask),
            "IsFinite" => U(LLVMIntPredicate.LLVMIntULT, magnitude, exponentMask),
            "IsInfinity" => U(LLVMIntPredicate.LLVMIntEQ, magnitude, exponentMask),
            "IsPositiveInfinity" => U(LLVMIntPredicate.LLVMIntEQ, bits, exponentMask),
            "IsNegativeInfinity" => U(LLVMIntPredicate.LLVMIntEQ, bits, signMask | exponentMask),
            "IsNegative" => U(LLVMIntPredicate.LLVMIntSLT, bits, 0),
            "IsNormal" => LLVM.BuildAnd(_b, U(LLVMIntPredicate.LLVMIntUGE, magnitude, smallestNormal),
                U(LLVMIntPredicate.LLVMIntULT, magnitude, exponentMask), ""),
            "IsSubnormal" => LLVM.BuildAnd(_b, U(LLVMIntPredicate.LLVMIntNE, magnitude, 0),
                U(LLVMIntPredicate.LLVMIntULT, magnitude, smallestNormal), ""),
            _ => throw new NotSupportedException($"classification {method} is not lowered"),
        };
        return LLVM.BuildZExt(_b, result, _t.I32, "");
    }
}
