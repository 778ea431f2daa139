// Maps the type arguments of a generic stub's instantiation to IR types.
using System;
using NumbaWeaver.IR;

namespace NumbaWeaver.Dispatch;

/// <summary>The .NET number types a generic [Njit] method compiles for, as IR types; any other type argument is refused.</summary>
internal static class GenericArguments
{
    public static IrType[] ToIr(Type[] arguments)
    {
        var result = new IrType[arguments.Length];
        for (int i = 0; i < arguments.Length; i++) result[i] = ToIr(arguments[i]);
        return result;
    }

    private static IrType ToIr(Type type) =>
        type == typeof(sbyte) ? IrType.I8
        : type == typeof(byte) ? IrType.U8
        : type == typeof(short) ? IrType.I16
        : type == typeof(ushort) ? IrType.U16
        : type == typeof(int) ? IrType.I32
        : type == typeof(uint) ? IrType.U32
        : type == typeof(long) ? IrType.I64
        : type == typeof(ulong) ? IrType.U64
        : type == typeof(float) ? IrType.F32
        : type == typeof(double) ? IrType.F64
        : throw new NotSupportedException(
            $"the type argument {type} is not compiled: generic [Njit] methods compile for sbyte, byte, short, ushort, int, uint, long, ulong, float and double");
}
