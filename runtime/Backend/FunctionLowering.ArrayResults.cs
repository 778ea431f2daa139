// Arrays as return values: the result slot holds the data pointer then one i64 length per dimension (docs/abi.md).
using NumbaWeaver.IR;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Backend;

internal sealed partial class FunctionLowering
{
    /// <summary>The result slot of an array-returning callee: <c>[1 + rank x i64]</c> (a pointer is 8 bytes).</summary>
    private LLVMTypeRef ArrayResultType(IrType array) => LLVM.ArrayType(_t.I64, (uint)(1 + array.Rank));

    private void StoreArrayResult(ArrayValue array, LLVMValueRef slot)
    {
        Store(array.Data, slot, 8);
        for (int d = 0; d < array.Lengths.Length; d++)
            Store(array.Lengths[d], LLVM.BuildGEP2(_b, _t.I64, slot, new[] { ConstI64(1 + d) }, 1, ""), 8);
    }

    private ArrayValue LoadArrayResult(IrType array, LLVMValueRef slot)
    {
        var data = Load(_t.Ptr, slot, 8);
        var lengths = new LLVMValueRef[array.Rank];
        for (int d = 0; d < lengths.Length; d++)
            lengths[d] = Load(_t.I64, LLVM.BuildGEP2(_b, _t.I64, slot, new[] { ConstI64(1 + d) }, 1, ""), 8);
        return new ArrayValue(data, lengths);
    }
}
