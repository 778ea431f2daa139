// Span views: Slice and AsSpan(start[, length]) as a pointer offset and a new length, checked as .NET checks them.
using NumbaWeaver.IR;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Backend;

internal sealed partial class FunctionLowering
{
    /// <summary>
    /// .NET's checks, in 64 bits so nothing wraps: <c>(uint)start &gt; (uint)length</c>, or with a
    /// length <c>(ulong)(uint)start + (ulong)(uint)count &gt; (ulong)(uint)length</c>, throw
    /// ArgumentOutOfRangeException. These are API checks, kept with bounds checking off.
    /// </summary>
    private void EmitSlice(Instruction ins)
    {
        bool hasCount = ins.Int == 1;
        var count = hasCount ? LLVM.BuildZExt(_b, Pop().Value, _t.I64, "") : default;
        var start = LLVM.BuildZExt(_b, Pop().Value, _t.I64, "");
        var source = Pop().ArrayOrThrow;
        var length = source.Lengths[0];
        var end = hasCount ? LLVM.BuildNUWAdd(_b, start, count, "") : start;
        FailIf(ICmp(LLVMIntPredicate.LLVMIntUGT, end, length), Status.SliceOutOfRange);
        var data = LLVM.BuildInBoundsGEP2(_b, _t.Memory(ins.Type2!.Element!), source.Data, [start]);
        var newLength = hasCount ? count : LLVM.BuildNUWSub(_b, length, start, "");
        _stack.Add(StackValue.Of(ins.Type!, new ArrayValue(data, new[] { newLength })));
    }
}
