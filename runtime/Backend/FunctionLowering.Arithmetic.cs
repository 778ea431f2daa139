// Arithmetic, bitwise, shift, checked and comparison opcodes with .NET semantics (wrapping, exceptions as statuses).
using System;
using NumbaWeaver.IR;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Backend;

internal sealed partial class FunctionLowering
{
    private void EmitBinary(Instruction ins)
    {
        var type = ins.Type!;
        var rhs = Pop().Value;
        var lhs = Pop().Value;
        Push(type, type.IsFloat ? FloatBinary(ins.Op, lhs, rhs) : IntBinary(ins.Op, type, lhs, rhs));
    }

    private LLVMValueRef FloatBinary(Opcode op, LLVMValueRef a, LLVMValueRef b) => Fm(op switch
    {
        Opcode.Add => LLVM.BuildFAdd(_b, a, b, ""),
        Opcode.Sub => LLVM.BuildFSub(_b, a, b, ""),
        Opcode.Mul => LLVM.BuildFMul(_b, a, b, ""),
        Opcode.Div => LLVM.BuildFDiv(_b, a, b, ""),
        // LLVM's frem is C fmod, which is what .NET's % on doubles computes.
        Opcode.Rem => LLVM.BuildFRem(_b, a, b, ""),
        _ => throw new NotSupportedException($"{op} on floats"),
    });

    private LLVMValueRef IntBinary(Opcode op, IrType type, LLVMValueRef a, LLVMValueRef b)
    {
        switch (op)
        {
            // Plain add/sub/mul wrap as in unchecked C#: no nsw/nuw flags.
            case Opcode.Add: return LLVM.BuildAdd(_b, a, b, "");
            case Opcode.Sub: return LLVM.BuildSub(_b, a, b, "");
            case Opcode.Mul: return LLVM.BuildMul(_b, a, b, "");
            case Opcode.And: return LLVM.BuildAnd(_b, a, b, "");
            case Opcode.Or: return LLVM.BuildOr(_b, a, b, "");
            case Opcode.Xor: return LLVM.BuildXor(_b, a, b, "");
            case Opcode.Div:
            case Opcode.Rem:
                CheckSignedDivision(type, a, b);
                return op == Opcode.Div ? LLVM.BuildSDiv(_b, a, b, "") : LLVM.BuildSRem(_b, a, b, "");
            case Opcode.DivUn:
            case Opcode.RemUn:
                FailIf(ICmp(LLVMIntPredicate.LLVMIntEQ, b, LLVM.ConstNull(LLVM.TypeOf(b))), Status.DivideByZero);
                return op == Opcode.DivUn ? LLVM.BuildUDiv(_b, a, b, "") : LLVM.BuildURem(_b, a, b, "");
            case Opcode.Shl: return LLVM.BuildShl(_b, a, ShiftCount(type, b), "");
            case Opcode.Shr: return LLVM.BuildAShr(_b, a, ShiftCount(type, b), "");
            case Opcode.ShrUn: return LLVM.BuildLShr(_b, a, ShiftCount(type, b), "");
            case Opcode.AddOvf: return Checked("llvm.sadd.with.overflow", a, b);
            case Opcode.AddOvfUn: return Checked("llvm.uadd.with.overflow", a, b);
            case Opcode.SubOvf: return Checked("llvm.ssub.with.overflow", a, b);
            case Opcode.SubOvfUn: return Checked("llvm.usub.with.overflow", a, b);
            case Opcode.MulOvf: return Checked("llvm.smul.with.overflow", a, b);
            case Opcode.MulOvfUn: return Checked("llvm.umul.with.overflow", a, b);
            default: throw new NotSupportedException($"{op} on integers");
        }
    }

    /// <summary>
    /// x / 0 throws DivideByZeroException; MinValue / -1 and MinValue % -1 throw OverflowException on x64
    /// (LLVM would call both undefined behaviour).
    /// </summary>
    private void CheckSignedDivision(IrType type, LLVMValueRef a, LLVMValueRef b)
    {
        var llType = LLVM.TypeOf(b);
        FailIf(ICmp(LLVMIntPredicate.LLVMIntEQ, b, LLVM.ConstNull(llType)), Status.DivideByZero);
        long min = type.Kind == TypeKind.I64 ? long.MinValue : int.MinValue;
        var isMin = ICmp(LLVMIntPredicate.LLVMIntEQ, a, ConstInt(llType, min));
        var isMinusOne = ICmp(LLVMIntPredicate.LLVMIntEQ, b, ConstInt(llType, -1));
        FailIf(LLVM.BuildAnd(_b, isMin, isMinusOne, ""), Status.Overflow);
    }

    /// <summary>CIL masks shift counts to the width (x64 does); LLVM would make counts >= width poison.</summary>
    private LLVMValueRef ShiftCount(IrType type, LLVMValueRef count)
    {
        if (type.Kind == TypeKind.I64)
            return LLVM.BuildZExt(_b, LLVM.BuildAnd(_b, count, ConstI32(63), ""), _t.I64, "");
        return LLVM.BuildAnd(_b, count, ConstI32(31), "");
    }

    private LLVMValueRef Checked(string intrinsic, LLVMValueRef a, LLVMValueRef b)
    {
        var pair = Call(_m.Intrinsic(intrinsic, LLVM.TypeOf(a)), a, b);
        FailIf(LLVM.BuildExtractValue(_b, pair, 1, ""), Status.Overflow);
        return LLVM.BuildExtractValue(_b, pair, 0, "");
    }

    private void EmitUnary(Instruction ins)
    {
        var v = Pop();
        LLVMValueRef r = ins.Op == Opcode.Neg
            ? (v.Type.IsFloat ? NegateFloat(v.Value) : LLVM.BuildNeg(_b, v.Value, ""))
            : LLVM.BuildNot(_b, v.Value, "");
        Push(v.Type, r);
    }

    /// <summary>
    /// LLVM leaves a NaN's sign unspecified for arithmetic, so it moves a negation into the product or quotient below it
    /// (<c>-(a * b)</c> becomes <c>(-a) * b</c>). On x86 an invalid multiply or divide always makes the same negative NaN,
    /// so .NET's <c>-(inf * 0)</c> is +NaN and the moved form -NaN. Without fast-math such a product (or a local variable,
    /// which may hold one: <c>var p = a * b; ... -p</c>) goes through
    /// <c>llvm.arithmetic.fence</c>, which no fold looks through and which compiles to nothing. The price: LLVM 19 does
    /// not vectorise a loop with the fence in it (<c>y[i] = -(a[i] * b[i])</c> stays scalar; <c>-a[i] * b[i]</c>, which C#
    /// reads as <c>(-a[i]) * b[i]</c>, and FastMath do not have it). Flipping the sign bit with an integer xor does not
    /// help (LLVM turns it back into the negation it moves), and <c>llvm.canonicalize</c> has no x86 code before LLVM 20.
    /// </summary>
    // A product or quotient now, or a local variable's value, which may be one once LLVM promotes the local to a register.
    private static bool MayBecomeProduct(LLVMValueRef operand)
    {
        if (LLVM.GetValueKind(operand) != LLVMValueKind.LLVMInstructionValueKind) return false;
        var opcode = LLVM.GetInstructionOpcode(operand);
        if (opcode is LLVMOpcode.LLVMFMul or LLVMOpcode.LLVMFDiv or LLVMOpcode.LLVMFRem) return true;
        if (opcode != LLVMOpcode.LLVMLoad) return false;
        var address = LLVM.GetOperand(operand, 0);
        return LLVM.GetValueKind(address) == LLVMValueKind.LLVMInstructionValueKind && LLVM.GetInstructionOpcode(address) == LLVMOpcode.LLVMAlloca;
    }

    private LLVMValueRef NegateFloat(LLVMValueRef operand)
    {
        if (_fastMath || !MayBecomeProduct(operand)) return Fm(LLVM.BuildFNeg(_b, operand, ""));
        return LLVM.BuildFNeg(_b, Call(_m.Intrinsic("llvm.arithmetic.fence", LLVM.TypeOf(operand)), operand), "");
    }

    /// <summary>ceq/cgt/clt (+ .un): ordered float predicates, or unordered ones for the .un forms (as CIL defines them).</summary>
    private void EmitCompare(Instruction ins)
    {
        var type = ins.Type!;
        var b = Pop().Value;
        var a = Pop().Value;
        LLVMValueRef bit;
        if (type.IsFloat)
        {
            var p = ins.Op switch
            {
                Opcode.Ceq => LLVMRealPredicate.LLVMRealOEQ,
                Opcode.Cgt => LLVMRealPredicate.LLVMRealOGT,
                Opcode.CgtUn => LLVMRealPredicate.LLVMRealUGT,
                Opcode.Clt => LLVMRealPredicate.LLVMRealOLT,
                _ => LLVMRealPredicate.LLVMRealULT,
            };
            bit = FCmp(p, a, b);
        }
        else
        {
            var p = ins.Op switch
            {
                Opcode.Ceq => LLVMIntPredicate.LLVMIntEQ,
                Opcode.Cgt => LLVMIntPredicate.LLVMIntSGT,
                Opcode.CgtUn => LLVMIntPredicate.LLVMIntUGT,
                Opcode.Clt => LLVMIntPredicate.LLVMIntSLT,
                _ => LLVMIntPredicate.LLVMIntULT,
            };
            bit = ICmp(p, a, b);
        }
        Push(IrType.I32, LLVM.BuildZExt(_b, bit, _t.I32, ""));
    }
}
