// Math/MathF on floats: LLVM intrinsics where the hardware op is exact, libm by name elsewhere, .NET's own edge cases.
using System;
using NumbaWeaver.IR;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Backend;

internal sealed partial class FunctionLowering
{
    /// <summary>
    /// Correctly rounded operations map to LLVM intrinsics (RyuJIT emits the same instructions).
    /// Transcendentals call the C library by name, as .NET's Math does, so results are identical.
    /// </summary>
    private LLVMValueRef FloatIntrinsic(IntrinsicSignature sig, LLVMValueRef[] a)
    {
        var ft = _t.Memory(sig.Parameters[0]);
        if (sig.TypeName is "Double" or "Single") return Classify(sig.MethodName, a[0]);
        switch (sig.MethodName)
        {
            case "Sqrt": return CallIntrinsic("llvm.sqrt", ft, a[0]);
            case "Abs": return CallIntrinsic("llvm.fabs", ft, a[0]);
            case "Floor": return CallIntrinsic("llvm.floor", ft, a[0]);
            case "Ceiling": return CallIntrinsic("llvm.ceil", ft, a[0]);
            case "Truncate": return CallIntrinsic("llvm.trunc", ft, a[0]);
            case "Round" when a.Length == 1: return CallIntrinsic("llvm.roundeven", ft, a[0]);
            case "Round": return RoundWithMode(ft, a[0], a[1]);
            case "FusedMultiplyAdd": return CallIntrinsic("llvm.fma", ft, a[0], a[1], a[2]);
            case "CopySign": return CallIntrinsic("llvm.copysign", ft, a[0], a[1]);
            case "Max": return FloatMax(a[0], a[1]);
            case "Min": return FloatMin(a[0], a[1]);
            case "Sign": return FloatSign(a[0]);
            case "Clamp": return FloatClamp(sig.Parameters[0], a[0], a[1], a[2]);
            case "Log" when a.Length == 2: return LogWithBase(ft, a[0], a[1]);
            case "Log" or "Log2" when ft == _t.F64: return DoubleLog(sig.MethodName.ToLowerInvariant(), a[0]);
            default:
                // exp, log10, sin ... atan2, pow, cbrt: the C names, with an 'f' for float.
                string name = sig.MethodName.ToLowerInvariant() + (ft == _t.F32 ? "f" : "");
                return Fm(Call(_m.Libm(name, ft, a.Length), a));
        }
    }

    /// <summary>
    /// Math.Log/Log2 of a negative number: glibc returns -NaN (0xFFF8...), .NET's PAL wrapper returns
    /// +NaN (0x7FF8..., measured on .NET 10 / Linux x64), so negative inputs select that NaN. MathF's are not wrapped.
    /// </summary>
    private LLVMValueRef DoubleLog(string name, LLVMValueRef x)
    {
        var r = Fm(Call(_m.Libm(name, _t.F64, 1), x));
        var positiveNaN = LLVM.ConstBitCast(ConstI64(0x7FF8000000000000), _t.F64);
        return Select(LLVM.BuildFCmp(_b, LLVMRealPredicate.LLVMRealOLT, x, LLVM.ConstNull(_t.F64), ""), positiveNaN, r);
    }

    /// <summary>Math.Round(x, MidpointRounding): the five modes, .NET's ArgumentException (quoting the value) for any other.</summary>
    private LLVMValueRef RoundWithMode(LLVMTypeRef ft, LLVMValueRef x, LLVMValueRef mode)
    {
        RaiseLibraryExceptionIf(ICmp(LLVMIntPredicate.LLVMIntUGT, mode, ConstI32(4)), Dispatch.LibraryExceptions.RoundMode, (mode, IrType.I32));
        // Selects rather than a switch: with a constant mode (the usual case) all but one fold away.
        var r = CallIntrinsic("llvm.roundeven", ft, x);
        r = Select(ICmp(LLVMIntPredicate.LLVMIntEQ, mode, ConstI32(1)), CallIntrinsic("llvm.round", ft, x), r);
        r = Select(ICmp(LLVMIntPredicate.LLVMIntEQ, mode, ConstI32(2)), CallIntrinsic("llvm.trunc", ft, x), r);
        r = Select(ICmp(LLVMIntPredicate.LLVMIntEQ, mode, ConstI32(3)), CallIntrinsic("llvm.floor", ft, x), r);
        return Select(ICmp(LLVMIntPredicate.LLVMIntEQ, mode, ConstI32(4)), CallIntrinsic("llvm.ceil", ft, x), r);
    }

    /// <summary>
    /// .NET's Math.Max (IEEE 754:2019 maximum), written as its managed source so NaN payloads match:
    /// <c>a != b ? (IsNaN(a) ? a : (b &lt; a ? a : b)) : (IsNegative(b) ? a : b)</c>.
    /// </summary>
    private LLVMValueRef FloatMax(LLVMValueRef a, LLVMValueRef b)
    {
        var differ = Select(FCmp(LLVMRealPredicate.LLVMRealUNO, a, a), a, Select(FCmp(LLVMRealPredicate.LLVMRealOLT, b, a), a, b));
        var equal = Select(IsNegative(b), a, b);
        return Select(FCmp(LLVMRealPredicate.LLVMRealUNE, a, b), differ, equal);
    }

    /// <summary>.NET's Math.Min: <c>a != b ? (IsNaN(a) ? a : (a &lt; b ? a : b)) : (IsNegative(a) ? a : b)</c>.</summary>
    private LLVMValueRef FloatMin(LLVMValueRef a, LLVMValueRef b)
    {
        var differ = Select(FCmp(LLVMRealPredicate.LLVMRealUNO, a, a), a, Select(FCmp(LLVMRealPredicate.LLVMRealOLT, a, b), a, b));
        var equal = Select(IsNegative(a), a, b);
        return Select(FCmp(LLVMRealPredicate.LLVMRealUNE, a, b), differ, equal);
    }

    /// <summary>The sign bit (double.IsNegative), which also tells -0.0 from +0.0.</summary>
    private LLVMValueRef IsNegative(LLVMValueRef x)
    {
        var it = LLVM.TypeOf(x) == _t.F32 ? _t.I32 : _t.I64;
        return ICmp(LLVMIntPredicate.LLVMIntSLT, LLVM.BuildBitCast(_b, x, it, ""), LLVM.ConstNull(it));
    }

    /// <summary>Math.Sign: -1/0/1; NaN throws ArithmeticException (status 5), also under fast-math.</summary>
    private LLVMValueRef FloatSign(LLVMValueRef x)
    {
        FailIf(LLVM.BuildFCmp(_b, LLVMRealPredicate.LLVMRealUNO, x, x, ""), Status.SignOfNaN);
        var zero = LLVM.ConstNull(LLVM.TypeOf(x));
        var positive = Select(FCmp(LLVMRealPredicate.LLVMRealOGT, x, zero), ConstI32(1), ConstI32(0));
        return Select(FCmp(LLVMRealPredicate.LLVMRealOLT, x, zero), ConstI32(-1), positive);
    }

    /// <summary>Math.Clamp: min &gt; max throws .NET's ArgumentException, quoting both; then <c>v &lt; min ? min : v &gt; max ? max : v</c> (a NaN value stays).</summary>
    private LLVMValueRef FloatClamp(IrType type, LLVMValueRef v, LLVMValueRef min, LLVMValueRef max)
    {
        RaiseLibraryExceptionIf(LLVM.BuildFCmp(_b, LLVMRealPredicate.LLVMRealOGT, min, max, ""), Dispatch.LibraryExceptions.Clamp, (min, type), (max, type));
        var upper = Select(FCmp(LLVMRealPredicate.LLVMRealOGT, v, max), max, v);
        return Select(FCmp(LLVMRealPredicate.LLVMRealOLT, v, min), min, upper);
    }

    /// <summary>
    /// Math.Log(a, newBase) as .NET computes it: NaN a -> a; NaN base -> base; base 1 -> NaN;
    /// a != 1 with base 0 or +inf -> NaN; else log(a) / log(base) (so Log(1, 0) is -0).
    /// </summary>
    private LLVMValueRef LogWithBase(LLVMTypeRef ft, LLVMValueRef a, LLVMValueRef b)
    {
        LLVMValueRef Log(LLVMValueRef x) => ft == _t.F32 ? Fm(Call(_m.Libm("logf", ft, 1), x)) : DoubleLog("log", x);
        var r = Fm(LLVM.BuildFDiv(_b, Log(a), Log(b), ""));
        var nan = DotNetNaN(ft);
        var badBase = LLVM.BuildOr(_b,
            FCmp(LLVMRealPredicate.LLVMRealOEQ, b, LLVM.ConstNull(ft)),
            FCmp(LLVMRealPredicate.LLVMRealOEQ, b, ConstFloat(ft, double.PositiveInfinity)), "");
        r = Select(LLVM.BuildAnd(_b, FCmp(LLVMRealPredicate.LLVMRealUNE, a, ConstFloat(ft, 1.0)), badBase, ""), nan, r);
        r = Select(FCmp(LLVMRealPredicate.LLVMRealOEQ, b, ConstFloat(ft, 1.0)), nan, r);
        r = Select(FCmp(LLVMRealPredicate.LLVMRealUNO, b, b), b, r);
        return Select(FCmp(LLVMRealPredicate.LLVMRealUNO, a, a), a, r);
    }
}
