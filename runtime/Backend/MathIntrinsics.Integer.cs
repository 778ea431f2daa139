// Math on integers: Abs (overflow on MinValue), Sign, Min/Max by signedness, Clamp with .NET's argument check.
using System;
using NumbaWeaver.IR;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Backend;

internal sealed partial class FunctionLowering
{
    /// <summary>Arguments are already normalised to their real width (sign/zero-extended into i32 for small types).</summary>
    private LLVMValueRef IntegerIntrinsic(IntrinsicSignature sig, LLVMValueRef[] a)
    {
        var type = sig.Parameters[0];
        bool signed = type.IsSigned;
        switch (sig.MethodName)
        {
            case "Abs":
            {
                // Math.Abs(MinValue) has no positive counterpart: OverflowException.
                var llType = LLVM.TypeOf(a[0]);
                FailIf(ICmp(LLVMIntPredicate.LLVMIntEQ, a[0], ConstInt(llType, (long)Range(type).Min)), Status.AbsOfMinValue);
                var negative = ICmp(LLVMIntPredicate.LLVMIntSLT, a[0], LLVM.ConstNull(llType));
                return Select(negative, LLVM.BuildNeg(_b, a[0], ""), a[0]);
            }
            case "Sign":
            {
                var zero = LLVM.ConstNull(LLVM.TypeOf(a[0]));
                var positive = Select(ICmp(LLVMIntPredicate.LLVMIntSGT, a[0], zero), ConstI32(1), ConstI32(0));
                return Select(ICmp(LLVMIntPredicate.LLVMIntSLT, a[0], zero), ConstI32(-1), positive);
            }
            case "Min":
                return Select(ICmp(signed ? LLVMIntPredicate.LLVMIntSLT : LLVMIntPredicate.LLVMIntULT, a[0], a[1]), a[0], a[1]);
            case "Max":
                return Select(ICmp(signed ? LLVMIntPredicate.LLVMIntSGT : LLVMIntPredicate.LLVMIntUGT, a[0], a[1]), a[0], a[1]);
            case "Clamp":
            {
                var gt = signed ? LLVMIntPredicate.LLVMIntSGT : LLVMIntPredicate.LLVMIntUGT;
                var lt = signed ? LLVMIntPredicate.LLVMIntSLT : LLVMIntPredicate.LLVMIntULT;
                RaiseLibraryExceptionIf(ICmp(gt, a[1], a[2]), Dispatch.LibraryExceptions.Clamp, (a[1], type), (a[2], type));
                var upper = Select(ICmp(gt, a[0], a[2]), a[2], a[0]);
                return Select(ICmp(lt, a[0], a[1]), a[1], upper);
            }
            default:
                throw new NotSupportedException($"intrinsic {sig.Name} is not lowered");
        }
    }
}
