// Parameters, locals and spill slots as entry-block allocas; loads widen, stores narrow as CIL does.
using NumbaWeaver.IR;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Backend;

internal sealed partial class FunctionLowering
{
    /// <summary>
    /// Storage of a variable: one alloca for scalars and references (<see cref="Ptr"/>); for arrays and
    /// spans an alloca for the data pointer plus one per dimension length, so SROA sees plain scalars.
    /// </summary>
    private sealed class Variable(IrType type, LLVMValueRef ptr, LLVMValueRef[] lengthPtrs)
    {
        public IrType Type { get; } = type;
        public LLVMValueRef Ptr { get; } = ptr;
        public LLVMValueRef[] LengthPtrs { get; } = lengthPtrs;
    }

    private Variable NewVariable(IrType type, string name)
    {
        if (!type.IsArrayLike) return new Variable(type, LLVM.BuildAlloca(_entry, _t.Memory(type), name), HandleList<LLVMValueRef>.None);
        var lengths = new LLVMValueRef[type.Rank];
        for (int d = 0; d < lengths.Length; d++) lengths[d] = LLVM.BuildAlloca(_entry, _t.I64, name + ".len" + InvariantText.Decimal(d)); // (no interpolated int: culture start-up)
        return new Variable(type, LLVM.BuildAlloca(_entry, _t.Ptr, name + ".data"), lengths);
    }

    private void BindParametersAndLocals()
    {
        _resultPtr = LLVM.GetParam(_fn, 0);
        uint next = 1;
        for (int i = 0; i < _params.Length; i++)
        {
            var p = _f.Parameters[i];
            var v = NewVariable(p.Type, p.Name);
            var incoming = LLVM.GetParam(_fn, next++);
            // A struct arrives as a pointer to the caller's copy: the callee works on its own (docs/abi.md).
            if (p.Type.IsStruct) incoming = LLVM.BuildLoad2(_entry, _t.Memory(p.Type), incoming, "");
            LLVM.BuildStore(_entry, incoming, v.Ptr);
            foreach (var len in v.LengthPtrs) LLVM.BuildStore(_entry, LLVM.GetParam(_fn, next++), len);
            _params[i] = v;
        }
        for (int i = 0; i < _locals.Length; i++)
        {
            // .NET zero-initialises locals (localsinit); C# code may rely on it.
            var l = _f.Locals[i];
            var v = NewVariable(l.Type, l.Name);
            var memType = l.Type.IsArrayLike ? _t.Ptr : _t.Memory(l.Type);
            LLVM.BuildStore(_entry, LLVM.ConstNull(memType), v.Ptr);
            foreach (var len in v.LengthPtrs) LLVM.BuildStore(_entry, LLVM.ConstNull(_t.I64), len);
            _locals[i] = v;
        }
    }

    private StackValue LoadVariable(Variable v)
    {
        if (v.Type.IsArrayLike)
        {
            var data = LLVM.BuildLoad2(_b, _t.Ptr, v.Ptr, "");
            var lengths = new LLVMValueRef[v.LengthPtrs.Length];
            for (int d = 0; d < lengths.Length; d++) lengths[d] = LLVM.BuildLoad2(_b, _t.I64, v.LengthPtrs[d], "");
            return StackValue.Of(v.Type, new ArrayValue(data, lengths));
        }
        var raw = LLVM.BuildLoad2(_b, _t.Memory(v.Type), v.Ptr, "");
        return v.Type.IsByRef ? StackValue.Scalar(v.Type, raw) : StackValue.Scalar(v.Type.StackType, Widen(raw, v.Type));
    }

    private void StoreVariable(Variable v, StackValue value)
    {
        if (v.Type.IsArrayLike)
        {
            var a = value.ArrayOrThrow;
            LLVM.BuildStore(_b, a.Data, v.Ptr);
            for (int d = 0; d < v.LengthPtrs.Length; d++) LLVM.BuildStore(_b, a.Lengths[d], v.LengthPtrs[d]);
            return;
        }
        LLVM.BuildStore(_b, v.Type.IsByRef ? value.Value : Narrow(value.Value, v.Type), v.Ptr);
    }

    /// <summary>ldarga/ldloca: the variable's alloca is its address (such variables simply stay in memory).</summary>
    private void AddressOf(Variable v) => Push(IrType.RefTo(v.Type), v.Ptr);
}
