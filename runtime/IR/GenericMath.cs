// The generic-math operations of Opcode.GenericMath: their names, operand counts and result types.
using System;
using System.Collections.Generic;

namespace NumbaWeaver.IR;

/// <summary>
/// A <see cref="Opcode.GenericMath"/> instruction names a member of .NET's generic-math interfaces
/// (<c>INumberBase&lt;T&gt;</c>, <c>IAdditionOperators</c>, ...) by its metadata name: <c>op_Addition</c>,
/// <c>get_Zero</c>, <c>CreateTruncating</c>, <c>Max</c>. The weaver emits one per call on a type parameter;
/// <see cref="GenericMathExpansion"/> turns it into concrete instructions once the type is known.
/// </summary>
public static class GenericMath
{
    /// <summary>How an operation uses the stack.</summary>
    public enum Shape
    {
        /// <summary>T T -> T</summary>
        Binary,
        /// <summary>T -> T</summary>
        Unary,
        /// <summary>T T -> bool (i32)</summary>
        Compare,
        /// <summary>T i32 -> T</summary>
        Shift,
        /// <summary>-> T</summary>
        Constant,
        /// <summary>Type2 -> Type (CreateTruncating/CreateChecked/CreateSaturating)</summary>
        Convert,
        /// <summary>Int operands of type T -> T (or i32 for Sign): a library function such as Max, Abs, Sqrt.</summary>
        Function,
    }

    // Boxed shapes: a Dictionary over an enum value has no precompiled code, and its ten methods were jitted on the
    // first compile of a generic kernel (reference-type values share CoreLib's precompiled code).
    private static readonly Dictionary<string, object> Shapes = Build();

    private static Dictionary<string, object> Build()
    {
        var d = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var n in new[]
                 {
                     "op_Addition", "op_Subtraction", "op_Multiply", "op_Division", "op_Modulus", "op_BitwiseAnd",
                     "op_BitwiseOr", "op_ExclusiveOr", "op_CheckedAddition", "op_CheckedSubtraction", "op_CheckedMultiply",
                     "op_CheckedDivision",
                 })
            d[n] = Shape.Binary;
        foreach (var n in new[] { "op_UnaryNegation", "op_UnaryPlus", "op_OnesComplement", "op_Increment", "op_Decrement",
                     "op_CheckedIncrement", "op_CheckedDecrement" })
            d[n] = Shape.Unary;
        foreach (var n in new[] { "op_Equality", "op_Inequality", "op_LessThan", "op_LessThanOrEqual", "op_GreaterThan", "op_GreaterThanOrEqual" })
            d[n] = Shape.Compare;
        foreach (var n in new[] { "op_LeftShift", "op_RightShift", "op_UnsignedRightShift" })
            d[n] = Shape.Shift;
        foreach (var n in new[]
                 {
                     "get_Zero", "get_One", "get_AdditiveIdentity", "get_MultiplicativeIdentity", "get_MaxValue", "get_MinValue",
                     "get_NegativeOne", "get_Epsilon", "get_NaN", "get_PositiveInfinity", "get_NegativeInfinity", "get_Pi", "get_E",
                     "get_Tau", "get_NegativeZero",
                 })
            d[n] = Shape.Constant;
        foreach (var n in new[] { "CreateTruncating", "CreateChecked", "CreateSaturating" })
            d[n] = Shape.Convert;
        return d;
    }

    /// <summary>The shape of <paramref name="operation"/>; names not in the operator tables are library functions.</summary>
    public static Shape ShapeOf(string operation) => Shapes.TryGetValue(operation, out var s) ? (Shape)s : Shape.Function;

    /// <summary>
    /// The stack type the operation pushes: a bool (i32) for comparisons and Sign, else <paramref name="type"/>'s stack
    /// type (a type parameter stays itself).
    /// </summary>
    public static IrType ResultStackType(string operation, IrType type) =>
        ShapeOf(operation) == Shape.Compare || operation == "Sign" ? IrType.I32 : type.StackType;

    /// <summary>The stack types the operation pops, first operand first.</summary>
    public static IrType[] OperandStackTypes(string operation, IrType type, IrType? type2, int functionArity)
    {
        var t = type.StackType;
        return ShapeOf(operation) switch
        {
            Shape.Binary or Shape.Compare => new[] { t, t },
            Shape.Unary => new[] { t },
            Shape.Shift => new[] { t, IrType.I32 },
            Shape.Constant => Array.Empty<IrType>(),
            Shape.Convert => new[] { (type2 ?? throw new InvalidOperationException($"{operation} needs a source type")).StackType },
            _ => Repeat(t, functionArity),
        };
    }

    private static IrType[] Repeat(IrType t, int n)
    {
        var a = new IrType[n];
        for (int i = 0; i < n; i++) a[i] = t;
        return a;
    }

    /// <summary>
    /// The number types a type parameter may be instantiated with (those the native ABI passes as themselves);
    /// other type arguments run the original C#.
    /// </summary>
    public static bool IsInstantiable(IrType type) =>
        type.Kind is TypeKind.I8 or TypeKind.U8 or TypeKind.I16 or TypeKind.U16 or TypeKind.I32 or TypeKind.U32
            or TypeKind.I64 or TypeKind.U64 or TypeKind.F32 or TypeKind.F64;

    /// <summary>The number types, in the order weave-time verification tries them.</summary>
    public static readonly IrType[] InstantiableTypes =
    {
        IrType.F64, IrType.F32, IrType.I32, IrType.I64, IrType.U8, IrType.I8, IrType.I16, IrType.U16, IrType.U32, IrType.U64,
    };
}
