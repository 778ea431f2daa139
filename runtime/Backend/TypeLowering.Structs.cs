// IR structs as LLVM literal struct types: with the natural data layout their offsets are .NET's sequential ones.
using System.Collections.Generic;
using System.Linq;
using NumbaWeaver.IR;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Backend;

internal sealed partial class TypeLowering
{
    // Created on first use: a Dictionary with a struct value has no precompiled code, and most modules have no structs.
    private Dictionary<IrType, LLVMTypeRef>? _structs;

    /// <summary>
    /// <c>{ field memory types... }</c>, not packed: LLVM aligns each field to its ABI alignment (a scalar's
    /// size on x86-64 and AArch64), exactly the offsets <see cref="IrType.FieldOffset"/> computes.
    /// </summary>
    private LLVMTypeRef StructType(IrType t)
    {
        _structs ??= new Dictionary<IrType, LLVMTypeRef>();
        if (_structs.TryGetValue(t, out var type)) return type;
        var fields = t.Fields.Select(Memory).ToArray();
        type = LLVM.StructTypeInContext(Context, fields, (uint)fields.Length, 0);
        _structs[t] = type;
        return type;
    }
}
