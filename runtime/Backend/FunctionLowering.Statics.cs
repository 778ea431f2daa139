// Static readonly arrays: resolved once when the function starts, through the runtime's numbaweaver_static_array.
using System.Collections.Generic;
using NumbaWeaver.IR;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Backend;

internal sealed partial class FunctionLowering
{
    private readonly Dictionary<string, ArrayValue> _staticArrays = new();

    /// <summary>
    /// <c>ptr numbaweaver_static_array(ptr name, ptr lengths)</c> in the entry block (once per field and
    /// call, never inside loops); the array is pinned for good by the runtime, so the pointer stays valid.
    /// </summary>
    private void EmitLdStatic(Instruction ins)
    {
        var type = ins.Type!;
        if (!_staticArrays.TryGetValue(ins.Name!, out var array))
        {
            var lengths = LLVM.BuildAlloca(_entry, LLVM.ArrayType(_t.I64, (uint)type.Rank), "static.lengths");
            for (int d = 0; d < type.Rank; d++)
                LLVM.BuildStore(_entry, ConstI64(0), LLVM.BuildGEP2(_entry, _t.I64, lengths, new[] { ConstI64(d) }, 1, "")); // a null field reads as empty
            var name = LLVM.BuildGlobalStringPtr(_entry, ins.Name!, "static.name");
            var fnType = LLVM.FunctionType(_t.Ptr, new[] { _t.Ptr, _t.Ptr });
            var fn = LLVM.GetNamedFunction(_m.Module, RuntimeSymbols.StaticArray);
            if (fn.IsNull)
            {
                fn = LLVM.AddFunction(_m.Module, RuntimeSymbols.StaticArray, fnType);
                _m.AddEnumAttribute(fn, LLVM.AttributeFunctionIndex, "nounwind");
            }
            var data = LLVM.BuildCall2(_entry, fnType, fn, new[] { name, lengths }, "static.data");
            var dims = new LLVMValueRef[type.Rank];
            for (int d = 0; d < dims.Length; d++)
            {
                var slot = LLVM.BuildGEP2(_entry, _t.I64, lengths, new[] { ConstI64(d) }, 1, "");
                dims[d] = LLVM.BuildLoad2(_entry, _t.I64, slot, "static.length");
            }
            array = new ArrayValue(data, dims);
            _staticArrays[ins.Name!] = array;
        }
        _stack.Add(StackValue.Of(type, array));
    }
}
