// Calls between IR functions (result slot + status propagation) and the entry to intrinsic lowering.
using System.Collections.Generic;
using NumbaWeaver.IR;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Backend;

internal sealed partial class FunctionLowering
{
    /// <summary><c>i32 callee(ptr result, args...)</c>: a non-zero status is returned at once; otherwise the result is read back.</summary>
    /// <summary>
    /// Appends a stack value as the ABI passes a parameter of type <paramref name="type"/> (docs/abi.md):
    /// arrays and spans as data pointer and lengths, references as pointers, scalars in their memory width.
    /// </summary>
    private void AppendAbiArgument(HandleList<LLVMValueRef> args, StackValue value, IrType type)
    {
        if (type.IsArrayLike)
        {
            var a = value.ArrayOrThrow;
            args.Add(a.Data);
            args.AddRange(a.Lengths);
        }
        else if (type.IsStruct)
        {
            args.Add(StructArgument(value));
        }
        else
        {
            args.Add(type.IsByRef ? value.Value : Narrow(value.Value, type));
        }
    }

    private void EmitCall(Instruction ins)
    {
        var callee = _m.Ir.Find(ins.Name!) ?? throw new System.InvalidOperationException($"{_f.Name}: unknown callee {ins.Name}");
        var target = _m.Function(callee.Name);
        var values = new StackValue[callee.Parameters.Count];
        for (int i = values.Length - 1; i >= 0; i--) values[i] = Pop();

        var ret = callee.ReturnType;
        // Void callees still get a (never written) slot: the ABI always passes a result pointer.
        var resultSlot = LLVM.BuildAlloca(_entry, ret.Kind == TypeKind.Void ? _t.I8 : ret.IsArrayLike ? ArrayResultType(ret) : _t.Memory(ret), "call.result");
        var args = HandleList<LLVMValueRef>.Of(resultSlot);
        for (int i = 0; i < values.Length; i++) AppendAbiArgument(args, values[i], callee.Parameters[i].Type);
        var status = Call(target, args.ToArray());
        PropagateStatus(status);
        if (ret.IsArrayLike)
            _stack.Add(StackValue.Of(ret, LoadArrayResult(ret, resultSlot)));
        else if (ret.Kind != TypeKind.Void)
            Push(ret.StackType, Widen(Load(_t.Memory(ret), resultSlot, TypeLowering.Alignment(ret)), ret));
    }

    private void EmitIntrinsic(Instruction ins)
    {
        if (TryEmitParallelIntrinsic(ins) || TryEmitRandomIntrinsic(ins)) return;
        var sig = Intrinsics.Find(ins.Name!) ?? throw new System.InvalidOperationException($"{_f.Name}: unknown intrinsic {ins.Name}");
        var args = new LLVMValueRef[sig.Parameters.Length];
        for (int i = args.Length - 1; i >= 0; i--)
        {
            // Small integers arrive widened to i32; the method sees them in their own width.
            var p = sig.Parameters[i];
            var v = Pop().Value;
            args[i] = p.IsInteger && TypeLowering.Bits(p) < 32 ? Widen(Narrow(v, p), p) : v;
        }
        var result = TryLibraryIntrinsic(sig, args, out var library) ? library
            : sig.Parameters[0].IsFloat ? FloatIntrinsic(sig, args) : IntegerIntrinsic(sig, args);
        Push(sig.ReturnType.StackType, result);
    }
}
