// BitOperations, integer generic-math statics, BitConverter, BigMul, DivRem, ScaleB and ILogB, each as .NET defines it.
using NumbaWeaver.IR;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Backend;

internal sealed partial class FunctionLowering
{
    /// <summary>The intrinsics of Intrinsics.Library.cs; false for the Math/MathF ones lowered elsewhere.</summary>
    private bool TryLibraryIntrinsic(IntrinsicSignature sig, LLVMValueRef[] a, out LLVMValueRef result)
    {
        result = default;
        string type = sig.TypeName;
        if (type == "BitConverter")
        {
            // The same bits seen as the other type: a bitcast (the value never leaves its register class in practice).
            result = LLVM.BuildBitCast(_b, a[0], _t.Memory(sig.ReturnType), "");
            return true;
        }
        bool integerType = type is "BitOperations" or "Int32" or "UInt32" or "Int64" or "UInt64";
        if (!integerType && sig.MethodName is not ("BigMul" or "DivRem" or "ScaleB" or "ILogB")) return false;
        var x = a[0];
        var llType = LLVM.TypeOf(x);
        int width = TypeLowering.Bits(sig.Parameters[0]);
        switch (sig.MethodName)
        {
            case "PopCount":
                result = ToReturnWidth(CallIntrinsic("llvm.ctpop", llType, x), sig);
                return true;
            case "LeadingZeroCount":
                result = ToReturnWidth(Call(_m.Intrinsic("llvm.ctlz", llType), x, False()), sig);
                return true;
            case "TrailingZeroCount":
                result = ToReturnWidth(Call(_m.Intrinsic("llvm.cttz", llType), x, False()), sig);
                return true;
            case "Log2":
            {
                // .NET: Log2(0) is 0, computed as (width-1) - lzcnt(x | 1).
                var lz = Call(_m.Intrinsic("llvm.ctlz", llType), LLVM.BuildOr(_b, x, ConstInt(llType, 1), ""), False());
                result = ToReturnWidth(LLVM.BuildSub(_b, ConstInt(llType, width - 1), lz, ""), sig);
                return true;
            }
            case "RotateLeft":
            case "RotateRight":
            {
                // The count is taken modulo the width, as C#'s shift masking does: funnel shifts do exactly that.
                var count = width == 64 ? LLVM.BuildSExt(_b, a[1], _t.I64, "") : a[1];
                result = Call(_m.Intrinsic(sig.MethodName == "RotateLeft" ? "llvm.fshl" : "llvm.fshr", llType), x, x, count);
                return true;
            }
            case "IsPow2":
            {
                var singleBit = ICmp(LLVMIntPredicate.LLVMIntEQ,
                    LLVM.BuildAnd(_b, x, LLVM.BuildSub(_b, x, ConstInt(llType, 1), ""), ""), LLVM.ConstNull(llType));
                var positive = ICmp(sig.Parameters[0].IsSigned ? LLVMIntPredicate.LLVMIntSGT : LLVMIntPredicate.LLVMIntNE, x, LLVM.ConstNull(llType));
                result = LLVM.BuildZExt(_b, LLVM.BuildAnd(_b, singleBit, positive, ""), _t.I32, "");
                return true;
            }
            case "RoundUpToPowerOf2":
            {
                // --v; v |= v >> 1, 2, 4, 8, 16 (, 32); return v + 1 (so 0 and values above the top power give 0).
                var v = LLVM.BuildSub(_b, x, ConstInt(llType, 1), "");
                for (int s = 1; s < width; s <<= 1) v = LLVM.BuildOr(_b, v, LLVM.BuildLShr(_b, v, ConstInt(llType, s), ""), "");
                result = LLVM.BuildAdd(_b, v, ConstInt(llType, 1), "");
                return true;
            }
            case "BigMul":
                result = BigMul(sig, a);
                return true;
            case "DivRem":
            {
                CheckSignedDivision(sig.Parameters[0], a[0], a[1]);
                var q = LLVM.BuildSDiv(_b, a[0], a[1], "");
                var r = LLVM.BuildSub(_b, a[0], LLVM.BuildMul(_b, q, a[1], ""), "");
                Store(r, a[2], (uint)(width / 8));
                result = q;
                return true;
            }
            case "ScaleB":
            {
                // Exact (correctly rounded) in both .NET's managed port of musl and the C library.
                bool single = sig.Parameters[0].Kind == TypeKind.F32;
                var fn = ExternalFunction(single ? "scalbnf" : "scalbn", llType, llType, _t.I32);
                result = Fm(Call(fn, x, a[1]));
                return true;
            }
            case "ILogB":
                result = ILogB(x, sig.Parameters[0].Kind == TypeKind.F32);
                return true;
        }
        return false;
    }

    private LLVMValueRef False() => LLVM.ConstInt(_t.I1, 0, 0);

    /// <summary>BitOperations counts return int; int.PopCount and friends return the operand's own type.</summary>
    private LLVMValueRef ToReturnWidth(LLVMValueRef v, IntrinsicSignature sig)
    {
        var want = _t.Stack(sig.ReturnType);
        if (LLVM.TypeOf(v) == want) return v;
        return LLVM.BuildTrunc(_b, v, want, ""); // counts are small: truncation is exact
    }

    /// <summary>Math.BigMul: the full product; the 64-bit forms return the high half and store the low half.</summary>
    private LLVMValueRef BigMul(IntrinsicSignature sig, LLVMValueRef[] a)
    {
        bool signed = sig.Parameters[0].IsSigned;
        LLVMValueRef Extend(LLVMValueRef v, LLVMTypeRef to) => signed ? LLVM.BuildSExt(_b, v, to, "") : LLVM.BuildZExt(_b, v, to, "");
        if (sig.Parameters.Length == 2) return LLVM.BuildMul(_b, Extend(a[0], _t.I64), Extend(a[1], _t.I64), "");
        var i128 = LLVM.IntTypeInContext(_m.Context, 128);
        var product = LLVM.BuildMul(_b, Extend(a[0], i128), Extend(a[1], i128), "");
        Store(LLVM.BuildTrunc(_b, product, _t.I64, ""), a[2], 8);
        return LLVM.BuildTrunc(_b, LLVM.BuildLShr(_b, product, LLVM.ConstInt(i128, 64, 0), ""), _t.I64, "");
    }

    /// <summary>
    /// .NET's ILogB from the bits: NaN and infinities give int.MaxValue, zero int.MinValue, subnormals
    /// their true exponent (the C library's FP_ILOGBNAN differs, hence no libm call).
    /// </summary>
    private LLVMValueRef ILogB(LLVMValueRef x, bool single)
    {
        var it = single ? _t.I32 : _t.I64;
        int mantissaBits = single ? 23 : 52, bias = single ? 127 : 1023, maxExponent = single ? 0xFF : 0x7FF;
        var bits = LLVM.BuildBitCast(_b, x, it, "");
        var biased = LLVM.BuildAnd(_b, LLVM.BuildLShr(_b, bits, ConstInt(it, mantissaBits), ""), ConstInt(it, maxExponent), "");
        var mantissa = LLVM.BuildShl(_b, bits, ConstInt(it, single ? 32 - mantissaBits : 64 - mantissaBits), "");
        var exponent = single ? biased : LLVM.BuildTrunc(_b, biased, _t.I32, "");
        var normal = LLVM.BuildSub(_b, exponent, ConstI32(bias), "");
        var lz = Call(_m.Intrinsic("llvm.ctlz", it), mantissa, False());
        var subnormal = LLVM.BuildSub(_b, ConstI32(-bias), single ? lz : LLVM.BuildTrunc(_b, lz, _t.I32, ""), "");
        var zeroOrSubnormal = Select(ICmp(LLVMIntPredicate.LLVMIntEQ, mantissa, LLVM.ConstNull(it)), ConstI32(int.MinValue), subnormal);
        var r = Select(ICmp(LLVMIntPredicate.LLVMIntEQ, biased, LLVM.ConstNull(it)), zeroOrSubnormal, normal);
        return Select(ICmp(LLVMIntPredicate.LLVMIntEQ, biased, ConstInt(it, maxExponent)), ConstI32(int.MaxValue), r);
    }

    /// <summary>A C library function with its own signature, declared once per module.</summary>
    private Callee ExternalFunction(string name, LLVMTypeRef ret, params LLVMTypeRef[] ps)
    {
        var type = LLVM.FunctionType(ret, ps);
        var fn = LLVM.GetNamedFunction(_m.Module, name);
        if (fn.IsNull)
        {
            fn = LLVM.AddFunction(_m.Module, name, type);
            _m.AddEnumAttribute(fn, LLVM.AttributeFunctionIndex, "nounwind");
            _m.AddEnumAttribute(fn, LLVM.AttributeFunctionIndex, "willreturn");
        }
        return new Callee(fn, type);
    }
}
