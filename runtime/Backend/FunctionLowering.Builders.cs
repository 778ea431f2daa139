// Small builder helpers shared by the opcode categories: stack push/pop, constants, widening, fast-math flags.
using System;
using NumbaWeaver.IR;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Backend;

internal sealed partial class FunctionLowering
{
    private StackValue Pop()
    {
        if (_stack.Count == 0) throw new InvalidOperationException($"{_f.Name}: evaluation stack underflow");
        var v = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        return v;
    }

    private void Push(IrType type, LLVMValueRef value) => _stack.Add(StackValue.Scalar(type, value));

    private LLVMValueRef ConstI32(int v) => LLVM.ConstInt(_t.I32, unchecked((ulong)v), 1);

    private LLVMValueRef ConstI64(long v) => LLVM.ConstInt(_t.I64, unchecked((ulong)v), 1);

    private static LLVMValueRef ConstInt(LLVMTypeRef type, long v) => LLVM.ConstInt(type, unchecked((ulong)v), 1);

    /// <summary>A float constant of the given LLVM float type from its exact value.</summary>
    private LLVMValueRef ConstFloat(LLVMTypeRef type, double v) =>
        type == _t.F32
            ? LLVM.ConstBitCast(ConstI32(BitConverter.SingleToInt32Bits((float)v)), _t.F32)
            : LLVM.ConstBitCast(ConstI64(BitConverter.DoubleToInt64Bits(v)), _t.F64);

    /// <summary>.NET's own NaN (double.NaN / float.NaN bit patterns), so results match bit for bit.</summary>
    private LLVMValueRef DotNetNaN(LLVMTypeRef type) => ConstFloat(type, type == _t.F32 ? float.NaN : double.NaN);

    private LLVMValueRef Load(LLVMTypeRef type, LLVMValueRef ptr, uint align)
    {
        var v = LLVM.BuildLoad2(_b, type, ptr, "");
        LLVM.SetAlignment(v, align);
        return v;
    }

    private void Store(LLVMValueRef value, LLVMValueRef ptr, uint align) => LLVM.SetAlignment(LLVM.BuildStore(_b, value, ptr), align);

    /// <summary>A value loaded in its memory type, as it appears on the stack: small integers extend by signedness.</summary>
    private LLVMValueRef Widen(LLVMValueRef raw, IrType type)
    {
        if (!type.IsInteger || TypeLowering.Bits(type) >= 32) return raw;
        return type.IsSigned ? LLVM.BuildSExt(_b, raw, _t.I32, "") : LLVM.BuildZExt(_b, raw, _t.I32, "");
    }

    /// <summary>A stack value as stored in memory: small integers truncate (stind.i1 semantics; bool keeps its low byte).</summary>
    private LLVMValueRef Narrow(LLVMValueRef value, IrType type)
    {
        if (!type.IsInteger || TypeLowering.Bits(type) >= 32) return value;
        return LLVM.BuildTrunc(_b, value, _t.Memory(type), "");
    }

    /// <summary>Marks a float instruction 'fast' when the function asked for fast-math; a no-op otherwise.</summary>
    private LLVMValueRef Fm(LLVMValueRef v)
    {
        if (!_fastMath) return v;
        // LLVM 15-17 cannot set the flags: the instruction is named for FastMathText to flag in the printed module.
        if (_m.FastMathThroughText) _m.MarkedFastMathText |= FastMathText.Mark(v, _fastMathFlags);
        // The builder may fold constants: only real FP instructions can carry flags.
        else if (LLVM.CanValueUseFastMathFlags(v) != 0) LLVM.SetFastMathFlags(v, _fastMathFlags);
        return v;
    }

    private LLVMValueRef ICmp(LLVMIntPredicate p, LLVMValueRef a, LLVMValueRef b) => LLVM.BuildICmp(_b, p, a, b, "");

    private LLVMValueRef FCmp(LLVMRealPredicate p, LLVMValueRef a, LLVMValueRef b) => Fm(LLVM.BuildFCmp(_b, p, a, b, ""));

    private LLVMValueRef Select(LLVMValueRef c, LLVMValueRef a, LLVMValueRef b) => LLVM.BuildSelect(_b, c, a, b, "");

    private LLVMValueRef Call(Callee c, params LLVMValueRef[] args) => LLVM.BuildCall2(_b, c.Type, c.Function, args, "");

    /// <summary>Calls an overloaded LLVM intrinsic on values of one type (float intrinsics get fast-math flags).</summary>
    private LLVMValueRef CallIntrinsic(string name, LLVMTypeRef overload, params LLVMValueRef[] args) =>
        Fm(Call(_m.Intrinsic(name, overload), args));
}
