// Allocation and bulk memory: new T[n] through the runtime's GC callback, stackalloc, Fill/Clear and CopyTo.
using System.Collections.Generic;
using NumbaWeaver.IR;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Backend;

internal sealed partial class FunctionLowering
{
    /// <summary>A constant-size stackalloc up to this many bytes, outside loops, is a stack slot; anything else a GC array.</summary>
    private const long MaxStackAllocBytes = 4096;

    // Created on first use (a CopyTo): a Dictionary<int, ...> has no precompiled code and would be jitted for every function.
    private System.Collections.Generic.Dictionary<int, LLVMBasicBlockRef>? _copyTooShortBlocks;

    private void EmitAllocation(int index, Instruction ins)
    {
        switch (ins.Op)
        {
            case Opcode.NewArr:
                EmitNewArray(ins.Type!);
                break;
            case Opcode.StackAlloc:
                EmitStackAlloc(index, ins.Type!);
                break;
            case Opcode.Fill:
                EmitFill(ins.Type2!);
                break;
            case Opcode.CopyTo:
                EmitCopyTo(ins.Type2!);
                break;
            default:
                throw new System.InvalidOperationException($"{ins.Op} is not an allocation opcode");
        }
    }

    /// <summary>
    /// <c>ptr numbaweaver_new_array(i32 kind, i32 rank, ptr lengths)</c>: a pinned .NET array that lives until
    /// the stub's call returns (runtime/Dispatch/Allocations.cs); null means .NET threw (status Raised).
    /// </summary>
    private void EmitNewArray(IrType type)
    {
        int rank = type.Rank;
        var lengths = new LLVMValueRef[rank];
        for (int d = rank - 1; d >= 0; d--)
        {
            var n = Pop();
            lengths[d] = n.Type.Kind == TypeKind.I64 ? n.Value : LLVM.BuildSExt(_b, n.Value, _t.I64, "");
        }
        _stack.Add(StackValue.Of(type, new ArrayValue(CallNewArray(type.Element!, lengths), lengths)));
    }

    private LLVMValueRef CallNewArray(IrType element, LLVMValueRef[] lengths)
    {
        var buffer = LLVM.BuildAlloca(_entry, LLVM.ArrayType(_t.I64, (uint)lengths.Length), "new.lengths");
        for (int d = 0; d < lengths.Length; d++)
            Store(lengths[d], LLVM.BuildGEP2(_b, _t.I64, buffer, new[] { ConstI64(d) }, 1, ""), 8);
        var data = Call(NewArrayHook(), ConstI32((int)element.Kind), ConstI32(lengths.Length), buffer);
        FailIf(LLVM.BuildIsNull(_b, data, ""), Status.Raised);
        return data;
    }

    /// <summary>
    /// stackalloc: a zeroed entry-block slot when the length is a small constant and the instruction is
    /// outside every loop (so each execution may reuse the one slot); otherwise a GC array, which cannot
    /// overflow the native stack however large or often it is (C# would grow the stack each time).
    /// </summary>
    private void EmitStackAlloc(int index, IrType span)
    {
        var element = span.Element!;
        var previous = index > 0 ? _f.Body[index - 1] : null;
        bool constant = previous is { Op: Opcode.Const } && previous.Type?.StackType == IrType.I32;
        long count = constant ? previous!.Int : -1;
        if (constant && count >= 0 && count * element.SizeInBytes <= MaxStackAllocBytes && !InsideLoop(index))
        {
            Pop();
            var slot = LLVM.BuildAlloca(_entry, LLVM.ArrayType(_t.Memory(element), (uint)System.Math.Max(count, 1)), "stackalloc");
            LLVM.SetAlignment(slot, 16);
            LLVM.BuildMemSet(_b, slot, LLVM.ConstInt(_t.I8, 0, 0), ConstI64(count * element.SizeInBytes), 16);
            _stack.Add(StackValue.Of(span, new ArrayValue(slot, [ConstI64(count)])));
            return;
        }
        var length = LLVM.BuildSExt(_b, Pop().Value, _t.I64, "");
        _stack.Add(StackValue.Of(span, new ArrayValue(CallNewArray(element, [length]), [length])));
    }

    /// <summary>True when a backward branch spans the instruction (it may run more than once per call).</summary>
    private bool InsideLoop(int index)
    {
        for (int j = index; j < _f.Body.Count; j++)
            foreach (int t in _f.Body[j].Targets)
                if (t <= index) return true;
        return false;
    }

    /// <summary>Array.Fill, span.Fill, span.Clear, Array.Clear: every element of every dimension; zero is a memset.</summary>
    private void EmitFill(IrType target)
    {
        var element = target.Element!;
        var value = Pop().Value;
        var a = Pop().ArrayOrThrow;
        var total = a.Lengths[0];
        for (int d = 1; d < a.Lengths.Length; d++) total = LLVM.BuildNUWMul(_b, total, a.Lengths[d], "");
        var stored = Narrow(value, element);
        var memType = _t.Memory(element);
        if (LLVM.IsConstant(stored) != 0 && LLVM.IsNull(stored) != 0)
        {
            // All-zero bits (0, 0.0, false): memset. -0.0 is not null, so it takes the loop.
            LLVM.BuildMemSet(_b, a.Data, LLVM.ConstInt(_t.I8, 0, 0), LLVM.BuildNUWMul(_b, total, ConstI64(element.SizeInBytes), ""), TypeLowering.Alignment(element));
            return;
        }
        var counter = LLVM.BuildAlloca(_entry, _t.I64, "fill.i");
        LLVM.BuildStore(_b, ConstI64(0), counter);
        var head = LLVM.AppendBasicBlockInContext(_m.Context, _fn, "fill.head");
        var body = LLVM.AppendBasicBlockInContext(_m.Context, _fn, "fill.body");
        var done = LLVM.AppendBasicBlockInContext(_m.Context, _fn, "fill.done");
        LLVM.BuildBr(_b, head);
        LLVM.PositionBuilderAtEnd(_b, head);
        var i = LLVM.BuildLoad2(_b, _t.I64, counter, "");
        LLVM.BuildCondBr(_b, ICmp(LLVMIntPredicate.LLVMIntULT, i, total), body, done);
        LLVM.PositionBuilderAtEnd(_b, body);
        Store(stored, LLVM.BuildInBoundsGEP2(_b, memType, a.Data, [i]), TypeLowering.Alignment(element));
        LLVM.BuildStore(_b, LLVM.BuildNUWAdd(_b, i, ConstI64(1), ""), counter);
        LLVM.BuildBr(_b, head);
        LLVM.PositionBuilderAtEnd(_b, done);
    }

    /// <summary>Span.CopyTo: ArgumentException (the runtime's, as .NET's) when the destination is shorter, else memmove.</summary>
    private void EmitCopyTo(IrType source)
    {
        var destination = Pop().ArrayOrThrow;
        var from = Pop().ArrayOrThrow;
        var ok = LLVM.AppendBasicBlockInContext(_m.Context, _fn, "copy.ok");
        LLVM.BuildCondBr(_b, ICmp(LLVMIntPredicate.LLVMIntULT, destination.Lengths[0], from.Lengths[0]), CopyTooShortBlock(), ok);
        LLVM.PositionBuilderAtEnd(_b, ok);
        uint align = TypeLowering.Alignment(source.Element!);
        var bytes = LLVM.BuildNUWMul(_b, from.Lengths[0], ConstI64(source.Element!.SizeInBytes), "");
        LLVM.BuildMemMove(_b, destination.Data, align, from.Data, align, bytes);
    }

    /// <summary>One block per protected region (as <see cref="StatusBlock"/>): record the exception, then exit with Raised
    /// through the region's finally block, or return.</summary>
    private LLVMBasicBlockRef CopyTooShortBlock()
    {
        int landing = CurrentLanding();
        _copyTooShortBlocks ??= new System.Collections.Generic.Dictionary<int, LLVMBasicBlockRef>();
        if (_copyTooShortBlocks.TryGetValue(landing, out var block)) return block;
        block = LLVM.AppendBasicBlockInContext(_m.Context, _fn, "throw.CopyTooShort");
        var saved = LLVM.GetInsertBlock(_b);
        LLVM.PositionBuilderAtEnd(_b, block);
        Call(RuntimeHook(RuntimeSymbols.CopyTooShort, _t.Void, HandleList<LLVMTypeRef>.None, cold: true), HandleList<LLVMValueRef>.None);
        ExitWithStatus(ConstI32((int)Status.Raised));
        LLVM.PositionBuilderAtEnd(_b, saved);
        _copyTooShortBlocks[landing] = block;
        return block;
    }

    private Callee NewArrayHook()
    {
        var hook = RuntimeHook(RuntimeSymbols.NewArray, _t.Ptr, [_t.I32, _t.I32, _t.Ptr], cold: false);
        _m.AddEnumAttribute(hook.Function, LLVM.AttributeReturnIndex, "noalias"); // a fresh array, like malloc's result
        return hook;
    }

    /// <summary>A runtime callback declared once per module by name; NativeJit and the cache loader bind the name (RuntimeSymbols).</summary>
    private Callee RuntimeHook(string name, LLVMTypeRef returnType, LLVMTypeRef[] parameters, bool cold)
    {
        var type = LLVM.FunctionType(returnType, parameters);
        var fn = LLVM.GetNamedFunction(_m.Module, name);
        if (fn.IsNull)
        {
            fn = LLVM.AddFunction(_m.Module, name, type);
            _m.AddEnumAttribute(fn, LLVM.AttributeFunctionIndex, "nounwind");
            if (cold) _m.AddEnumAttribute(fn, LLVM.AttributeFunctionIndex, "cold");
        }
        return new Callee(fn, type);
    }
}
