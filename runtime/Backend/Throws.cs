// Status-code exits: shared "return <status>" blocks for failed checks and propagation of callee statuses.
using System.Collections.Generic;
using NumbaWeaver.IR;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Backend;

internal sealed partial class FunctionLowering
{
    // A few entries per function, searched in order: a Dictionary keyed by a tuple of value types has no
    // precompiled code, and its methods would be jitted on every process's first compile.
    private readonly List<StatusExit> _statusBlocks = new();

    private sealed record StatusExit(Status Status, int Landing, LLVMBasicBlockRef Block);

    /// <summary>One block per status code (and protected region), shared by every check there: <c>ret i32 status</c> or its landing.</summary>
    private LLVMBasicBlockRef StatusBlock(Status status)
    {
        int landing = CurrentLanding();
        foreach (var exit in _statusBlocks)
            if (exit.Status == status && exit.Landing == landing) return exit.Block;
        var block = LLVM.AppendBasicBlockInContext(_m.Context, _fn, "throw." + status);
        var saved = LLVM.GetInsertBlock(_b);
        LLVM.PositionBuilderAtEnd(_b, block);
        ExitWithStatus(ConstI32((int)status));
        LLVM.PositionBuilderAtEnd(_b, saved);
        _statusBlocks.Add(new StatusExit(status, landing, block));
        return block;
    }

    /// <summary>Returns <paramref name="status"/> when <paramref name="failed"/> (i1) holds; continues in a fresh block otherwise.</summary>
    private void FailIf(LLVMValueRef failed, Status status)
    {
        var ok = LLVM.AppendBasicBlockInContext(_m.Context, _fn, "ok");
        LLVM.BuildCondBr(_b, failed, StatusBlock(status), ok);
        LLVM.PositionBuilderAtEnd(_b, ok);
    }

    /// <summary>A callee's non-zero status is returned unchanged at once (docs/abi.md).</summary>
    private void PropagateStatus(LLVMValueRef status)
    {
        var fail = LLVM.AppendBasicBlockInContext(_m.Context, _fn, "propagate");
        var ok = LLVM.AppendBasicBlockInContext(_m.Context, _fn, "ok");
        LLVM.BuildCondBr(_b, ICmp(LLVMIntPredicate.LLVMIntNE, status, ConstI32(0)), fail, ok);
        LLVM.PositionBuilderAtEnd(_b, fail);
        ExitWithStatus(status);
        LLVM.PositionBuilderAtEnd(_b, ok);
    }
}
