// `throw` in compiled code: record the exception for the runtime's raise hook, then return status Raised.
using NumbaWeaver.IR;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Backend;

internal sealed partial class FunctionLowering
{
    /// <summary>
    /// <c>call void @numbaweaver_raise(ptr descriptor, ptr values, i32 count); ret i32 Raised</c>.
    /// The values go into 8-byte slots, each stored in its stack type at the slot's start
    /// (docs/abi.md); the runtime builds the exception, so formatting is .NET's own.
    /// </summary>
    private void EmitThrow(Instruction ins)
    {
        var descriptor = ThrowDescriptor.Decode(ins.Name!);
        int count = descriptor.HoleTypes.Count;
        var values = new LLVMValueRef[count];
        for (int i = count - 1; i >= 0; i--) values[i] = Pop().Value;
        EmitRaise(ins.Name!, values);
    }

    /// <summary>Raises the encoded descriptor with the hole values (in their stack types) and exits with status Raised.</summary>
    private void EmitRaise(string descriptor, LLVMValueRef[] values)
    {
        int count = values.Length;
        var buffer = LLVM.BuildAlloca(_entry, LLVM.ArrayType(_t.I64, (uint)System.Math.Max(count, 1)), "raise.values");
        for (int i = 0; i < count; i++)
        {
            var slot = LLVM.BuildGEP2(_b, _t.I64, buffer, new[] { ConstI64(i) }, 1, "");
            Store(values[i], slot, 8);
        }
        var text = LLVM.BuildGlobalStringPtr(_b, descriptor, "raise.descriptor");
        Call(RaiseHook(), text, buffer, ConstI32(count));
        ExitWithStatus(ConstI32((int)Status.Raised));
    }

    /// <summary>
    /// When <paramref name="failed"/> holds: record <paramref name="values"/> for the library call <paramref name="call"/>
    /// (<see cref="Dispatch.LibraryExceptions"/>), which the runtime repeats to throw .NET's own exception, and return
    /// <see cref="Status.Raised"/>. Continues in a fresh block otherwise.
    /// </summary>
    private void RaiseLibraryExceptionIf(LLVMValueRef failed, string call, params (LLVMValueRef Value, IrType Type)[] values)
    {
        var raise = LLVM.AppendBasicBlockInContext(_m.Context, _fn, "raise." + call.TrimStart('@'));
        var ok = LLVM.AppendBasicBlockInContext(_m.Context, _fn, "ok");
        LLVM.BuildCondBr(_b, failed, raise, ok);
        LLVM.PositionBuilderAtEnd(_b, raise);
        var descriptor = new ThrowDescriptor(call, System.Array.ConvertAll(values, v => v.Type), System.Array.Empty<string>());
        EmitRaise(descriptor.Encode(), System.Array.ConvertAll(values, v => v.Value)); // through a finally block inside a try
        LLVM.PositionBuilderAtEnd(_b, ok);
    }

    /// <summary>The runtime's hook, declared once per module; NativeJit defines the symbol (RuntimeSymbols.Raise).</summary>
    private Backend.Callee RaiseHook()
    {
        var type = LLVM.FunctionType(_t.Void, new[] { _t.Ptr, _t.Ptr, _t.I32 });
        var fn = LLVM.GetNamedFunction(_m.Module, RuntimeSymbols.Raise);
        if (fn.IsNull)
        {
            fn = LLVM.AddFunction(_m.Module, RuntimeSymbols.Raise, type);
            // Raising is the rare path: keep it out of hot loops' register allocation and layout.
            _m.AddEnumAttribute(fn, LLVM.AttributeFunctionIndex, "cold");
            _m.AddEnumAttribute(fn, LLVM.AttributeFunctionIndex, "nounwind");
        }
        return new Backend.Callee(fn, type);
    }
}
