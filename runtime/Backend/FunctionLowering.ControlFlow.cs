// Branches, switches and returns; each spills the remaining stack into the successors' slots first.
using System;
using NumbaWeaver.IR;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Backend;

internal sealed partial class FunctionLowering
{
    private void EmitControlFlow(int index, Instruction ins)
    {
        switch (ins.Op)
        {
            case Opcode.Br:
                BranchTo(ins.Targets[0]);
                break;
            case Opcode.BrTrue:
            case Opcode.BrFalse:
            {
                var cond = IsNonZero(Pop());
                // Both successors see the same stack (verified), so one spill serves both.
                SpillFor(ins.Targets[0]);
                var taken = Block(ins.Targets[0]);
                var next = Block(index + 1);
                if (ins.Op == Opcode.BrTrue) LLVM.BuildCondBr(_b, cond, taken, next);
                else LLVM.BuildCondBr(_b, cond, next, taken);
                break;
            }
            case Opcode.Switch:
            {
                var value = Pop().Value;
                SpillFor(index + 1);
                var sw = LLVM.BuildSwitch(_b, value, Block(index + 1), (uint)ins.Targets.Count);
                for (int i = 0; i < ins.Targets.Count; i++) LLVM.AddCase(sw, ConstI32(i), Block(ins.Targets[i]));
                break;
            }
            case Opcode.Ret:
                if (_f.ReturnType.IsArrayLike)
                {
                    StoreArrayResult(Pop().ArrayOrThrow, _resultPtr);
                }
                else if (_f.ReturnType.Kind != TypeKind.Void)
                {
                    // The result is written in its memory representation: bool one byte, char two.
                    var v = Pop();
                    Store(Narrow(v.Value, _f.ReturnType), _resultPtr, TypeLowering.Alignment(_f.ReturnType));
                }
                LLVM.BuildRet(_b, ConstI32((int)Status.Ok));
                break;
            default:
                throw new InvalidOperationException($"{ins.Op} is not control flow");
        }
    }

    /// <summary>brtrue's test: integers and references against zero/null, floats (never emitted by C#) against 0.0.</summary>
    private LLVMValueRef IsNonZero(StackValue v)
    {
        if (v.Type.IsFloat) return FCmp(LLVMRealPredicate.LLVMRealUNE, v.Value, LLVM.ConstNull(_t.Stack(v.Type)));
        if (v.Type.IsByRef) return LLVM.BuildIsNotNull(_b, v.Value, "");
        return ICmp(LLVMIntPredicate.LLVMIntNE, v.Value, LLVM.ConstNull(_t.Stack(v.Type)));
    }
}
