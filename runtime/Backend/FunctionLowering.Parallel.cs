// ParallelFor and the Prange step check: a context block, two trampolines and a call into the managed parallel runtime.
using System.Collections.Generic;
using System.Linq;
using NumbaWeaver.IR;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Backend;

/// <summary>
/// <c>ParallelFor</c> lowers to <c>numbaweaver_parallel_for(chunkTrampoline, combineTrampoline, ctx, start,
/// stop, step, slotBytes, loopState)</c> (runtime/Parallel/ParallelRuntime.cs). The context is one i64 slot
/// per lowered argument of the chunk function (an array is its pointer and lengths), followed by the
/// addresses of the reduction variables. The trampolines give the runtime uniform signatures:
/// <c>i32 chunk(ptr ctx, i64 lo, i64 hi, ptr slot)</c> and <c>i32 combine(ptr ctx, ptr slot)</c>, where
/// <c>slot</c> holds one chunk's partial reductions, 8 bytes each.
/// </summary>
internal sealed partial class FunctionLowering
{
    /// <summary>The runtime symbol; NativeJit defines it as an absolute symbol (see ParallelRuntime).</summary>
    public const string ParallelForSymbol = "numbaweaver_parallel_for";

    private void EmitParallelFor(Instruction ins)
    {
        var chunk = _m.Ir.Find(ins.Name!) ?? throw new System.InvalidOperationException($"{_f.Name}: unknown chunk function {ins.Name}");
        var combine = _m.Ir.Find(ParallelLoops.CombineName(chunk.Name));
        int reductions = ParallelLoops.ReductionCount(combine);
        var capturedParams = chunk.Parameters.Skip(2).Take(chunk.Parameters.Count - 2 - reductions).ToList();

        var refs = new LLVMValueRef[reductions];
        for (int r = reductions - 1; r >= 0; r--) refs[r] = Pop().Value;
        var captured = new StackValue[capturedParams.Count];
        for (int i = captured.Length - 1; i >= 0; i--) captured[i] = Pop();
        var step = Pop().Value;
        var stop = Pop().Value;
        var start = Pop().Value;

        // Lowered argument values and their LLVM types, in the chunk function's parameter order.
        var values = new HandleList<LLVMValueRef>();
        var types = new HandleList<LLVMTypeRef>();
        for (int i = 0; i < captured.Length; i++)
        {
            var p = capturedParams[i].Type;
            _t.AppendParameters(p, types);
            AppendAbiArgument(values, captured[i], p);
        }
        // A loop that draws random numbers gets a loop seed from the caller's generator in the last slot (FunctionLowering.Random.cs).
        bool random = DrawsRandomNumbers(chunk);
        int slots = values.Count + reductions + (random ? 1 : 0);
        var ctx = LLVM.BuildAlloca(_entry, LLVM.ArrayType(_t.I64, (uint)System.Math.Max(1, slots)), "prange.ctx");
        for (int j = 0; j < values.Count; j++) Store(values[j], CtxSlot(_b, ctx, j), 8);
        for (int r = 0; r < reductions; r++) Store(refs[r], CtxSlot(_b, ctx, values.Count + r), 8);
        if (random) Store(new RandomCodegen(_m, _b, _fn, RandomState()).Next(), CtxSlot(_b, ctx, slots - 1), 8);

        var chunkTrampoline = ChunkTrampoline(chunk, types, reductions, random ? slots - 1 : -1);
        var combineTrampoline = combine == null ? LLVM.ConstPointerNull(_t.Ptr) : CombineTrampoline(combine, values.Count);
        var state = LLVM.AddGlobal(_m.Module, LLVM.ArrayType(_t.I64, 4), NativeSymbols.For(chunk.Name) + ".state");
        LLVM.SetInitializer(state, LLVM.ConstNull(LLVM.ArrayType(_t.I64, 4)));
        LLVM.SetLinkage(state, LLVMLinkage.LLVMInternalLinkage);

        // Reductions whose result does not depend on the chunking (integers, min, max) may run as one
        // chunk; float sums and products always go through the runtime's fixed chunking.
        // So do loops drawing random numbers: each chunk's numbers depend on where the chunk starts.
        bool exact = !random && (combine == null || !combine.Body.Any(i => i.Op is Opcode.Add or Opcode.Mul && i.Type!.IsFloat));
        var join = LLVM.AppendBasicBlockInContext(_m.Context, _fn, "prange.done");
        var slow = LLVM.AppendBasicBlockInContext(_m.Context, _fn, "prange.runtime");
        if (exact) EmitInlineFastPath(chunkTrampoline, combine == null ? null : combineTrampoline, ctx, start, stop, step, state, reductions, slow, join);
        else LLVM.BuildBr(_b, slow);
        LLVM.PositionBuilderAtEnd(_b, slow);
        var status = Call(RuntimeParallelFor(), chunkTrampoline.Function, combineTrampoline, ctx, start, stop, step,
            ConstI64(8L * reductions), state);
        PropagateStatus(status);
        LLVM.BuildBr(_b, join);
        LLVM.PositionBuilderAtEnd(_b, join);
    }

    /// <summary>
    /// Loops the runtime measured as too short to share (state[2] = the most iterations worth running
    /// alone) run here as one chunk, without entering managed code: unit step and at most that many iterations.
    /// </summary>
    private void EmitInlineFastPath(Callee chunk, LLVMValueRef? combine, LLVMValueRef ctx, LLVMValueRef start, LLVMValueRef stop,
        LLVMValueRef step, LLVMValueRef state, int reductions, LLVMBasicBlockRef slow, LLVMBasicBlockRef join)
    {
        var limit = Load(_t.I64, LLVM.BuildInBoundsGEP2(_b, _t.I64, state, new[] { ConstI64(2) }), 8);
        var unit = ICmp(LLVMIntPredicate.LLVMIntEQ, step, ConstI64(1));
        var any = ICmp(LLVMIntPredicate.LLVMIntSGT, stop, start);
        var span = LLVM.BuildSub(_b, stop, start, "prange.n");
        var small = ICmp(LLVMIntPredicate.LLVMIntULE, span, limit);
        var fast = LLVM.BuildAnd(_b, unit, LLVM.BuildOr(_b, LLVM.BuildNot(_b, any, ""), small, ""), "");
        var run = LLVM.AppendBasicBlockInContext(_m.Context, _fn, "prange.inline");
        var check = LLVM.AppendBasicBlockInContext(_m.Context, _fn, "prange.check");
        LLVM.BuildCondBr(_b, fast, check, slow);
        LLVM.PositionBuilderAtEnd(_b, check);
        LLVM.BuildCondBr(_b, any, run, join);
        LLVM.PositionBuilderAtEnd(_b, run);
        var slot = LLVM.BuildAlloca(_entry, LLVM.ArrayType(_t.I64, (uint)System.Math.Max(1, reductions)), "prange.slot");
        PropagateStatus(Call(chunk, ctx, ConstI64(0), span, slot));
        if (combine is { } c)
        {
            var type = LLVM.FunctionType(_t.I32, new[] { _t.Ptr, _t.Ptr });
            PropagateStatus(Call(new Callee(c, type), ctx, slot));
        }
        LLVM.BuildBr(_b, join);
    }

    private LLVMValueRef CtxSlot(LLVMBuilderRef b, LLVMValueRef ctx, int index) =>
        LLVM.BuildInBoundsGEP2(b, _t.I64, ctx, new[] { ConstI64(index) });

    private Callee RuntimeParallelFor()
    {
        var type = LLVM.FunctionType(_t.I32, new[] { _t.Ptr, _t.Ptr, _t.Ptr, _t.I64, _t.I64, _t.I64, _t.I64, _t.Ptr });
        var fn = LLVM.GetNamedFunction(_m.Module, ParallelForSymbol);
        if (fn.Handle == 0) fn = LLVM.AddFunction(_m.Module, ParallelForSymbol, type);
        return new Callee(fn, type);
    }

    /// <summary>
    /// <c>i32 (ptr ctx, i64 lo, i64 hi, ptr slot)</c>: unpacks the context and calls the chunk function. With a
    /// loop seed (<paramref name="randomSlot"/> &gt;= 0) the chunk runs with the thread's generator seeded from
    /// (loop seed, lo), and the thread's own state is put back afterwards (docs/language.md, "Random numbers").
    /// </summary>
    private Callee ChunkTrampoline(IrFunction chunk, HandleList<LLVMTypeRef> types, int reductions, int randomSlot)
    {
        var target = _m.Function(chunk.Name);
        var fnType = LLVM.FunctionType(_t.I32, new[] { _t.Ptr, _t.I64, _t.I64, _t.Ptr });
        var fn = LLVM.AddFunction(_m.Module, NativeSymbols.For(chunk.Name) + ".trampoline", fnType);
        LLVM.SetLinkage(fn, LLVMLinkage.LLVMInternalLinkage);
        var b = LLVM.CreateBuilderInContext(_m.Context);
        try
        {
            LLVM.PositionBuilderAtEnd(b, LLVM.AppendBasicBlockInContext(_m.Context, fn, "entry"));
            var ctx = LLVM.GetParam(fn, 0);
            var slot = LLVM.GetParam(fn, 3);
            var args = HandleList<LLVMValueRef>.Of(LLVM.BuildAlloca(b, _t.I8, "result"), LLVM.GetParam(fn, 1), LLVM.GetParam(fn, 2));
            for (int j = 0; j < types.Count; j++) args.Add(LLVM.BuildLoad2(b, types[j], CtxSlot(b, ctx, j), ""));
            for (int r = 0; r < reductions; r++) args.Add(LLVM.BuildInBoundsGEP2(b, _t.I64, slot, new[] { ConstI64(r) }));
            if (randomSlot < 0)
            {
                LLVM.BuildRet(b, LLVM.BuildCall2(b, target.Type, target.Function, args.ToArray(), ""));
                return new Callee(fn, fnType);
            }
            var stateFn = RandomCodegen.StateFunction(_m);
            var random = new RandomCodegen(_m, b, fn, LLVM.BuildCall2(b, stateFn.Type, stateFn.Function, HandleList<LLVMValueRef>.None, "random.state"));
            var saved = random.Save();
            random.Seed(LLVM.BuildLoad2(b, _t.I64, CtxSlot(b, ctx, randomSlot), "loop.seed"), LLVM.GetParam(fn, 1));
            var status = LLVM.BuildCall2(b, target.Type, target.Function, args.ToArray(), "");
            random.Restore(saved);
            LLVM.BuildRet(b, status);
        }
        finally
        {
            LLVM.DisposeBuilder(b);
        }
        return new Callee(fn, fnType);
    }

    /// <summary><c>i32 (ptr ctx, ptr slot)</c>: folds one chunk's partials into the caller's variables.</summary>
    private LLVMValueRef CombineTrampoline(IrFunction combine, int firstRef)
    {
        var target = _m.Function(combine.Name);
        int reductions = ParallelLoops.ReductionCount(combine);
        var fnType = LLVM.FunctionType(_t.I32, new[] { _t.Ptr, _t.Ptr });
        var fn = LLVM.AddFunction(_m.Module, NativeSymbols.For(combine.Name) + ".trampoline", fnType);
        LLVM.SetLinkage(fn, LLVMLinkage.LLVMInternalLinkage);
        var b = LLVM.CreateBuilderInContext(_m.Context);
        try
        {
            LLVM.PositionBuilderAtEnd(b, LLVM.AppendBasicBlockInContext(_m.Context, fn, "entry"));
            var ctx = LLVM.GetParam(fn, 0);
            var slot = LLVM.GetParam(fn, 1);
            var args = HandleList<LLVMValueRef>.Of(LLVM.BuildAlloca(b, _t.I8, "result"));
            for (int r = 0; r < reductions; r++) args.Add(LLVM.BuildLoad2(b, _t.Ptr, CtxSlot(b, ctx, firstRef + r), ""));
            for (int r = 0; r < reductions; r++)
            {
                var type = _t.Memory(combine.Parameters[reductions + r].Type);
                args.Add(LLVM.BuildLoad2(b, type, LLVM.BuildInBoundsGEP2(b, _t.I64, slot, new[] { ConstI64(r) }), ""));
            }
            LLVM.BuildRet(b, LLVM.BuildCall2(b, target.Type, target.Function, args.ToArray(), ""));
        }
        finally
        {
            LLVM.DisposeBuilder(b);
        }
        return fn;
    }

    /// <summary>Numba.Prange's step: a zero step fails with PrangeZeroStep (ArgumentException), as in C#.</summary>
    private bool TryEmitParallelIntrinsic(Instruction ins)
    {
        if (ins.Name != ParallelLoops.StepCheck) return false;
        var step = Pop().Value;
        FailIf(ICmp(LLVMIntPredicate.LLVMIntEQ, step, ConstI64(0)), Status.PrangeZeroStep);
        Push(IrType.I64, step);
        return true;
    }

    /// <summary>The LLVM fast-math flags of this function: all for FastMath, else the chosen subset.</summary>
    private static LLVMFastMathFlags FastMathFlagsOf(IrFunction f, bool? fastMathOverride)
    {
        if (fastMathOverride == false) return LLVMFastMathFlags.LLVMFastMathNone;
        if (fastMathOverride ?? f.Has(FunctionFlags.FastMath)) return LLVMFastMathFlags.LLVMFastMathAll;
        var flags = LLVMFastMathFlags.LLVMFastMathNone;
        if (f.Has(FunctionFlags.FastReassoc)) flags |= LLVMFastMathFlags.LLVMFastMathAllowReassoc;
        if (f.Has(FunctionFlags.FastContract)) flags |= LLVMFastMathFlags.LLVMFastMathAllowContract;
        if (f.Has(FunctionFlags.FastNoNaNs)) flags |= LLVMFastMathFlags.LLVMFastMathNoNaNs;
        if (f.Has(FunctionFlags.FastNoInfs)) flags |= LLVMFastMathFlags.LLVMFastMathNoInfs;
        if (f.Has(FunctionFlags.FastNoSignedZeros)) flags |= LLVMFastMathFlags.LLVMFastMathNoSignedZeros;
        if (f.Has(FunctionFlags.FastArcp)) flags |= LLVMFastMathFlags.LLVMFastMathAllowReciprocal;
        if (f.Has(FunctionFlags.FastAfn)) flags |= LLVMFastMathFlags.LLVMFastMathApproxFunc;
        return flags;
    }
}
