// Maps IR types to LLVM types: memory representation, evaluation-stack representation and ABI parameters.
using System;
using System.Collections.Generic;
using NumbaWeaver.IR;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Backend;

/// <summary>
/// The LLVM types of one context. Scalars have a memory type (bool is i8, char i16: what .NET stores)
/// and a stack type (i32/i64/float/double/ptr, small integers widened as CIL does).
/// </summary>
internal sealed partial class TypeLowering
{
    public TypeLowering(LLVMContextRef context)
    {
        Context = context;
        I1 = LLVM.Int1TypeInContext(context);
        I8 = LLVM.Int8TypeInContext(context);
        I16 = LLVM.Int16TypeInContext(context);
        I32 = LLVM.Int32TypeInContext(context);
        I64 = LLVM.Int64TypeInContext(context);
        F32 = LLVM.FloatTypeInContext(context);
        F64 = LLVM.DoubleTypeInContext(context);
        Ptr = LLVM.PointerTypeInContext(context, 0);
        Void = LLVM.VoidTypeInContext(context);
    }

    public LLVMContextRef Context { get; }
    public LLVMTypeRef I1 { get; }
    public LLVMTypeRef I8 { get; }
    public LLVMTypeRef I16 { get; }
    public LLVMTypeRef I32 { get; }
    public LLVMTypeRef I64 { get; }
    public LLVMTypeRef F32 { get; }
    public LLVMTypeRef F64 { get; }
    public LLVMTypeRef Ptr { get; }
    public LLVMTypeRef Void { get; }

    /// <summary>How a scalar (or a reference) is stored in memory and passed as a parameter.</summary>
    public LLVMTypeRef Memory(IrType t) => t.Kind switch
    {
        TypeKind.Bool or TypeKind.I8 or TypeKind.U8 => I8,
        TypeKind.I16 or TypeKind.U16 or TypeKind.Char => I16,
        TypeKind.I32 or TypeKind.U32 => I32,
        TypeKind.I64 or TypeKind.U64 => I64,
        TypeKind.F32 => F32,
        TypeKind.F64 => F64,
        TypeKind.ByRef => Ptr,
        TypeKind.Struct => StructType(t),
        _ => throw new NotSupportedException($"{t} has no single memory type"),
    };

    /// <summary>The LLVM type of a non-array value on the evaluation stack.</summary>
    public LLVMTypeRef Stack(IrType t) => t.IsByRef ? Ptr : Memory(t.StackType);

    /// <summary>The LLVM parameters an IR parameter lowers to (docs/abi.md).</summary>
    public void AppendParameters(IrType t, HandleList<LLVMTypeRef> into)
    {
        if (t.IsArrayLike)
        {
            into.Add(Ptr);
            for (int d = 0; d < t.Rank; d++) into.Add(I64);
        }
        else
        {
            // Structs travel as a pointer to a copy the callee does not modify (docs/abi.md).
            into.Add(t.IsStruct ? Ptr : Memory(t));
        }
    }

    /// <summary>Natural alignment: .NET aligns array elements and fields to their size, nothing more.</summary>
    public static uint Alignment(IrType scalar) => (uint)scalar.AlignmentInBytes;

    /// <summary>The i32 or i64 integer type of a given bit width.</summary>
    public LLVMTypeRef IntOfBits(int bits) => bits switch
    {
        1 => I1, 8 => I8, 16 => I16, 32 => I32, 64 => I64,
        _ => throw new NotSupportedException($"i{bits}"),
    };

    /// <summary>Bit width of an integer scalar's memory representation.</summary>
    public static int Bits(IrType t) => t.Kind == TypeKind.Bool ? 8 : t.SizeInBytes * 8;
}
