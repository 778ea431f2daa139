// Values of the simulated evaluation stack: one SSA value, or an array/span view (data pointer + lengths).
using NumbaWeaver.IR;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Backend;

/// <summary>An array or span as the backend sees it: its data pointer and one i64 length per dimension.</summary>
internal sealed record ArrayValue(LLVMValueRef Data, LLVMValueRef[] Lengths);

// A class, not a struct: List<StackValue> then runs precompiled shared code instead of being jitted per process.
/// <summary>
/// One evaluation-stack entry. Scalars and references carry <see cref="Value"/>; arrays and spans
/// carry <see cref="Array"/>. Within a block entries are plain SSA values; across blocks they go
/// through spill slots (see FunctionLowering).
/// </summary>
internal sealed record StackValue(IrType Type, LLVMValueRef Value, ArrayValue? Array)
{
    public static StackValue Scalar(IrType type, LLVMValueRef value) => new(type, value, null);

    public static StackValue Of(IrType type, ArrayValue array) => new(type, default, array);

    public ArrayValue ArrayOrThrow => Array ?? throw new System.InvalidOperationException($"{Type} is not an array value");
}
