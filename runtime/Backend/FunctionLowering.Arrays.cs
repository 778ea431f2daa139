// Arrays and spans: lengths, bounds-checked row-major element addresses, element loads/stores, span views.
using System;
using NumbaWeaver.IR;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Backend;

internal sealed partial class FunctionLowering
{
    private void EmitArray(Instruction ins)
    {
        var arrayType = ins.Type2!;
        switch (ins.Op)
        {
            case Opcode.ArrLen:
            {
                var a = Pop().ArrayOrThrow;
                var n = a.Lengths[0];
                for (int d = 1; d < a.Lengths.Length; d++) n = LLVM.BuildNUWMul(_b, n, a.Lengths[d], "");
                Push(ins.Type!, ins.Type!.Kind == TypeKind.I64 ? n : LLVM.BuildTrunc(_b, n, _t.I32, ""));
                break;
            }
            case Opcode.ArrDimLen:
            {
                var dim = Pop().Value;
                var a = Pop().ArrayOrThrow;
                // GetLength(d) with d outside [0, rank) throws IndexOutOfRangeException with its own message.
                FailIf(ICmp(LLVMIntPredicate.LLVMIntUGE, dim, ConstI32(a.Lengths.Length)), Status.BadDimension);
                var n = a.Lengths[0];
                for (int d = 1; d < a.Lengths.Length; d++) n = Select(ICmp(LLVMIntPredicate.LLVMIntEQ, dim, ConstI32(d)), a.Lengths[d], n);
                Push(IrType.I32, LLVM.BuildTrunc(_b, n, _t.I32, ""));
                break;
            }
            case Opcode.ElemAddr:
                Push(IrType.RefTo(arrayType.Element!), ElementAddress(arrayType));
                break;
            case Opcode.LdElem:
            {
                var element = arrayType.Element!;
                var ptr = ElementAddress(arrayType);
                Push(element.StackType, Widen(Load(_t.Memory(element), ptr, TypeLowering.Alignment(element)), element));
                break;
            }
            case Opcode.StElem:
            {
                var element = arrayType.Element!;
                var value = Pop().Value;
                var ptr = ElementAddress(arrayType);
                Store(Narrow(value, element), ptr, TypeLowering.Alignment(element));
                break;
            }
            case Opcode.ToSpan:
            {
                // Spans and 1-D arrays share the (data, length) representation: the view is the same value.
                var a = Pop().ArrayOrThrow;
                _stack.Add(StackValue.Of(ins.Type!, a));
                break;
            }
            default:
                throw new InvalidOperationException($"{ins.Op} is not an array opcode");
        }
    }

    /// <summary>
    /// Pops rank indices and the array; returns the element pointer. Each index is checked unsigned
    /// against its dimension (negative indices fail too), then combined row-major in i64.
    /// </summary>
    private LLVMValueRef ElementAddress(IrType arrayType)
    {
        int rank = arrayType.Rank;
        var indices = new LLVMValueRef[rank];
        for (int d = rank - 1; d >= 0; d--)
        {
            var i = Pop();
            indices[d] = i.Type.Kind switch
            {
                TypeKind.I64 => i.Value,
                TypeKind.I32 => WidenIndex(i.Value),
                _ => LLVM.BuildSExt(_b, i.Value, _t.I64, ""),
            };
        }
        var a = Pop().ArrayOrThrow;
        if (_boundsCheck)
        {
            for (int d = 0; d < rank; d++)
                FailIf(ICmp(LLVMIntPredicate.LLVMIntUGE, indices[d], a.Lengths[d]), Status.IndexOutOfRange);
        }
        // In range, the products cannot overflow: nsw lets SCEV reason about the access pattern.
        var flat = indices[0];
        for (int d = 1; d < rank; d++)
            flat = LLVM.BuildNSWAdd(_b, LLVM.BuildNSWMul(_b, flat, a.Lengths[d], ""), indices[d], "");
        return LLVM.BuildInBoundsGEP2(_b, _t.Memory(arrayType.Element!), a.Data, [flat]);
    }
}
