// Lowers one IR function: variables to allocas, basic blocks from branch targets, evaluation-stack simulation.
using System;
using System.Collections.Generic;
using System.Linq;
using NumbaWeaver.IR;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Backend;

/// <summary>
/// Turns the stack machine into SSA. Within a basic block stack entries are plain LLVM values. A
/// block entered with a non-empty stack (e.g. the join of <c>c ? a : b</c>) reads its entries from
/// spill slots keyed by (stack position, type); every predecessor stores its stack into those slots
/// just before branching. StackTypes guarantees all predecessors agree on the shape, so the slots
/// line up, and a store is always immediately followed by the branch and the loads, so slots
/// shared by unrelated joins never clobber each other. SROA/mem2reg turns slots and variables into
/// phis. Opcode categories live in the partial files FunctionLowering.*.cs.
/// </summary>
internal sealed partial class FunctionLowering
{
    private readonly LoweredModule _m;
    private readonly TypeLowering _t;
    private readonly IrFunction _f;
    private readonly LLVMValueRef _fn;
    private readonly bool _boundsCheck;
    private readonly bool _fastMath;
    private readonly LLVMFastMathFlags _fastMathFlags;
    private readonly IrType[]?[] _before;
    private readonly List<StackValue> _stack = new();
    // The block starting at each instruction (null where none starts). An array, not a Dictionary<int, ...>: that
    // instantiation has no precompiled code and its methods would be jitted on every process's first compile.
    private LLVMBasicBlockRef[] _blocks = NoBlocks;
    private static readonly LLVMBasicBlockRef[] NoBlocks = new LLVMBasicBlockRef[0];
    // Spill slots by stack depth, then type: nested, since a dictionary keyed by a value tuple is compiled at run time.
    private readonly List<Dictionary<IrType, Variable>> _spillSlots = [];
    private readonly Variable[] _params;
    private readonly Variable[] _locals;
    private LLVMBuilderRef _b;
    private LLVMBuilderRef _entry; // stays at the end of the entry block: allocas go there
    private LLVMValueRef _resultPtr;

    private FunctionLowering(LoweredModule m, IrFunction f, Callee self)
    {
        _m = m;
        _t = m.Types;
        _f = f;
        _fn = self.Function;
        _boundsCheck = m.Options.BoundsCheckOverride ?? f.Has(FunctionFlags.BoundsCheck);
        _fastMathFlags = FastMathFlagsOf(f, m.Options.FastMathOverride);
        _fastMath = _fastMathFlags != LLVMFastMathFlags.LLVMFastMathNone;
        var types = StackTypes.Compute(f, m.Ir.Find);
        if (types.Errors.Count > 0)
            throw new InvalidOperationException($"malformed IR in {f.Name}: {string.Join("; ", types.Errors)}");
        _before = types.Before;
        _params = new Variable[f.Parameters.Count];
        _locals = new Variable[f.Locals.Count];
    }

    public static void Lower(LoweredModule m, IrFunction f, Callee self) => new FunctionLowering(m, f, self).Run();

    private void Run()
    {
        _b = LLVM.CreateBuilderInContext(_m.Context);
        _entry = LLVM.CreateBuilderInContext(_m.Context);
        try
        {
            var entryBlock = LLVM.AppendBasicBlockInContext(_m.Context, _fn, "entry");
            LLVM.PositionBuilderAtEnd(_entry, entryBlock);
            BindParametersAndLocals();
            var leaders = FindLeaders();
            _blocks = new LLVMBasicBlockRef[_f.Body.Count];
            foreach (int l in leaders) _blocks[l] = LLVM.AppendBasicBlockInContext(_m.Context, _fn, "il" + l);
            foreach (int l in leaders) LowerBlock(l);
            // Only now: the entry block collected allocas while the body was lowered.
            LLVM.BuildBr(_entry, Block(0));
        }
        finally
        {
            LLVM.DisposeBuilder(_b);
            LLVM.DisposeBuilder(_entry);
        }
    }

    /// <summary>Block starts: instruction 0, branch targets, and whatever follows a branch or return. Unreachable code is dropped.</summary>
    private List<int> FindLeaders()
    {
        // Marks in instruction order, not a SortedSet<int>: that has no precompiled code and would be jitted on a first compile.
        var body = _f.Body;
        var isLeader = new bool[body.Count];
        if (body.Count > 0) isLeader[0] = true;
        for (int i = 0; i < body.Count; i++)
        {
            var ins = body[i];
            foreach (int t in ins.Targets) isLeader[t] = true; // targets were checked by IrVerifier
            if ((ins.IsBranch || ins.EndsFlow) && i + 1 < body.Count) isLeader[i + 1] = true;
        }
        var leaders = new List<int>();
        for (int l = 0; l < body.Count; l++)
            if (isLeader[l] && _before[l] != null) leaders.Add(l);
        return leaders;
    }

    /// <summary>The block that starts at instruction <paramref name="index"/>; every branch target and fall-through starts one.</summary>
    private LLVMBasicBlockRef Block(int index) =>
        index >= 0 && index < _blocks.Length && !_blocks[index].IsNull ? _blocks[index]
            : throw new InvalidOperationException($"{_f.Name}: no block starts at instruction {index}");

    private void LowerBlock(int leader)
    {
        LLVM.PositionBuilderAtEnd(_b, Block(leader));
        _stack.Clear();
        var entryTypes = _before[leader]!;
        for (int k = 0; k < entryTypes.Length; k++) _stack.Add(LoadVariable(SpillSlot(k, entryTypes[k])));
        for (int i = leader; ; i++)
        {
            if (i >= _f.Body.Count) throw new InvalidOperationException($"{_f.Name}: control falls off the end");
            if (Emit(i, _f.Body[i])) return; // the instruction ended the block (branch or return)
            if (i + 1 < _blocks.Length && !_blocks[i + 1].IsNull)
            {
                BranchTo(i + 1);
                return;
            }
        }
    }

    /// <summary>Stores the current stack into the slots the target block reads, then branches there.</summary>
    private void BranchTo(int target)
    {
        SpillFor(target);
        LLVM.BuildBr(_b, Block(target));
    }

    private void SpillFor(int target)
    {
        var types = _before[target]!;
        if (types.Length != _stack.Count) throw new InvalidOperationException($"{_f.Name}: stack depth {_stack.Count} at a branch to {target}, expected {types.Length}");
        for (int k = 0; k < types.Length; k++) StoreVariable(SpillSlot(k, types[k]), _stack[k]);
    }

    private Variable SpillSlot(int depth, IrType type)
    {
        while (_spillSlots.Count <= depth) _spillSlots.Add([]);
        if (!_spillSlots[depth].TryGetValue(type, out var v))
        {
            v = NewVariable(type, "stack" + InvariantText.Decimal(depth));
            _spillSlots[depth][type] = v;
        }
        return v;
    }

    /// <summary>Lowers one instruction; true when it terminated the current block.</summary>
    private bool Emit(int index, Instruction ins)
    {
        _index = index; // status exits look up the protected region they are in
        switch (ins.Op)
        {
            case Opcode.Nop: return false;
            case Opcode.Const: Push(ins.Type!.StackType, Constant(ins)); return false;
            case Opcode.LdArg: _stack.Add(LoadVariable(_params[ins.Int])); return false;
            case Opcode.LdLoc: _stack.Add(LoadVariable(_locals[ins.Int])); return false;
            case Opcode.StArg: StoreVariable(_params[ins.Int], Pop()); return false;
            case Opcode.StLoc: StoreVariable(_locals[ins.Int], Pop()); return false;
            case Opcode.LdArgA: AddressOf(_params[ins.Int]); return false;
            case Opcode.LdLocA: AddressOf(_locals[ins.Int]); return false;
            case Opcode.Dup: { var v = Pop(); _stack.Add(v); _stack.Add(v); return false; }
            case Opcode.Pop: Pop(); return false;
            case Opcode.LdInd: LoadIndirect(ins.Type!); return false;
            case Opcode.StInd: StoreIndirect(ins.Type!); return false;
            case Opcode.Add: case Opcode.Sub: case Opcode.Mul: case Opcode.Div: case Opcode.Rem:
            case Opcode.DivUn: case Opcode.RemUn: case Opcode.And: case Opcode.Or: case Opcode.Xor:
            case Opcode.Shl: case Opcode.Shr: case Opcode.ShrUn:
            case Opcode.AddOvf: case Opcode.AddOvfUn: case Opcode.SubOvf: case Opcode.SubOvfUn:
            case Opcode.MulOvf: case Opcode.MulOvfUn:
                EmitBinary(ins);
                return false;
            case Opcode.Neg: case Opcode.Not: EmitUnary(ins); return false;
            case Opcode.Ceq: case Opcode.Cgt: case Opcode.CgtUn: case Opcode.Clt: case Opcode.CltUn:
                EmitCompare(ins);
                return false;
            case Opcode.Conv: EmitConversion(ins); return false;
            case Opcode.Br: case Opcode.BrTrue: case Opcode.BrFalse: case Opcode.Switch: case Opcode.Ret:
                EmitControlFlow(index, ins);
                return true;
            case Opcode.ArrLen: case Opcode.ArrDimLen: case Opcode.ElemAddr: case Opcode.LdElem:
            case Opcode.StElem: case Opcode.ToSpan:
                EmitArray(ins);
                return false;
            case Opcode.Call: EmitCall(ins); return false;
            case Opcode.CallIntrinsic: EmitIntrinsic(ins); return false;
            case Opcode.ParallelFor: EmitParallelFor(ins); return false;
            case Opcode.Throw: EmitThrow(ins); return true;
            case Opcode.LdStatic: EmitLdStatic(ins); return false;
            case Opcode.Slice: EmitSlice(ins); return false;
            case Opcode.FieldAddr: case Opcode.LdFld: case Opcode.StFld: case Opcode.InitObj:
            case Opcode.NewStruct: case Opcode.MakeStruct:
                EmitStruct(ins);
                return false;
            case Opcode.Protect: case Opcode.EndProtect: return false; // regions: FunctionLowering.Protected.cs
            case Opcode.ReturnStatus: EmitReturnStatus(); return true;
            case Opcode.NewArr: case Opcode.StackAlloc: case Opcode.Fill: case Opcode.CopyTo:
                EmitAllocation(index, ins);
                return false;
            default: throw new NotSupportedException($"{_f.Name}: opcode {ins.Op} is not lowered");
        }
    }

    private LLVMValueRef Constant(Instruction ins) => ins.Type!.StackType.Kind switch
    {
        TypeKind.I32 => ConstI32(unchecked((int)ins.Int)),
        TypeKind.I64 => ConstI64(ins.Int),
        // Through the bit pattern: NaN payloads and -0 survive exactly.
        TypeKind.F64 => LLVM.ConstBitCast(ConstI64(BitConverter.DoubleToInt64Bits(ins.Float)), _t.F64),
        TypeKind.F32 => LLVM.ConstBitCast(ConstI32(BitConverter.SingleToInt32Bits((float)ins.Float)), _t.F32),
        _ => throw new NotSupportedException($"constant of type {ins.Type}"),
    };

    private void LoadIndirect(IrType type)
    {
        var r = Pop();
        var raw = Load(_t.Memory(type), r.Value, TypeLowering.Alignment(type));
        Push(type.StackType, Widen(raw, type));
    }

    private void StoreIndirect(IrType type)
    {
        var v = Pop();
        var r = Pop();
        Store(Narrow(v.Value, type), r.Value, TypeLowering.Alignment(type));
    }
}
