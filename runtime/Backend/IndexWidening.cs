// Array indices as 64-bit values LLVM can reason about: `x[i + k]` becomes an affine i64 expression, exactly.
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Backend;

internal sealed partial class FunctionLowering
{
    /// <summary>
    /// An i32 index widened to i64 for its bounds check and address. C#'s <c>i + k</c> wraps at 32 bits, and
    /// <c>sext(add i32)</c> hides from LLVM that the index moves by one per iteration: the check on <c>x[i + k]</c>
    /// then stays a second exit of the loop, which costs a vectorised FIR filter its full-width loop (a scalar
    /// remainder every row). For an index computed here as <c>a + b</c> or <c>a - b</c> the value is the 64-bit
    /// <c>add nsw</c> (<c>sub nsw</c>) of the sign-extended operands, except where the 32-bit result could wrap into
    /// range: both operands negative for a sum, <c>a &lt; 0 &lt; b</c> for a difference; there it is the 32-bit result
    /// itself. Everywhere else the two can differ only when the 32-bit result wrapped past int.MaxValue, and then both
    /// are out of range of any .NET array (at most int.MaxValue long): the check fails either way, with the same
    /// exception. A loop variable known to be non-negative folds the select away; so only indices whose operands are
    /// constants or counting locals (CountingLocals.cs) are widened, since a select LLVM cannot fold stays in the loop
    /// and costs more than the check it was meant to free (a flattened stencil's <c>k + m</c> lost its vector loop).
    /// </summary>
    private LLVMValueRef WidenIndex(LLVMValueRef index)
    {
        var plain = LLVM.BuildSExt(_b, index, _t.I64, "");
        if (LLVM.GetValueKind(index) != LLVMValueKind.LLVMInstructionValueKind) return plain;
        var op = LLVM.GetInstructionOpcode(index);
        if (op is not (LLVMOpcode.LLVMAdd or LLVMOpcode.LLVMSub)) return plain;
        var a = LLVM.GetOperand(index, 0);
        var b = LLVM.GetOperand(index, 1);
        if (!IsCountingOrConstant(a) || !IsCountingOrConstant(b)) return plain;
        var a64 = LLVM.BuildSExt(_b, a, _t.I64, "");
        var b64 = LLVM.BuildSExt(_b, b, _t.I64, "");
        var exact = op == LLVMOpcode.LLVMAdd ? LLVM.BuildNSWAdd(_b, a64, b64, "") : LLVM.BuildNSWSub(_b, a64, b64, "");
        var zero = ConstI32(0);
        var mayWrapIntoRange = LLVM.BuildAnd(_b, ICmp(LLVMIntPredicate.LLVMIntSLT, a, zero),
            ICmp(op == LLVMOpcode.LLVMAdd ? LLVMIntPredicate.LLVMIntSLT : LLVMIntPredicate.LLVMIntSGT, b, zero), "");
        return LLVM.BuildSelect(_b, mayWrapIntoRange, plain, exact, "");
    }

    // The allocas of this function's counting locals (CountingLocals.cs), found on first use. An array searched in order:
    // a function has few, and a set or list of nint would be one more generic instantiation jitted at a process's first compile.
    private nint[]? _countingAllocas;

    /// <summary>A constant, or a load of a local that only counts upwards from a non-negative start.</summary>
    private bool IsCountingOrConstant(LLVMValueRef value)
    {
        if (LLVM.IsConstant(value) != 0) return true;
        if (LLVM.GetValueKind(value) != LLVMValueKind.LLVMInstructionValueKind || LLVM.GetInstructionOpcode(value) != LLVMOpcode.LLVMLoad) return false;
        if (_countingAllocas is null)
        {
            var counting = CountingLocals.Find(_f);
            int count = 0;
            foreach (bool c in counting) if (c) count++;
            _countingAllocas = new nint[count];
            for (int l = 0, n = 0; l < counting.Length; l++)
                if (counting[l]) _countingAllocas[n++] = _locals[l].Ptr.Handle;
        }
        nint address = LLVM.GetOperand(value, 0).Handle;
        foreach (nint alloca in _countingAllocas)
            if (alloca == address) return true;
        return false;
    }
}
