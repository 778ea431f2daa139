// Maps the type arguments of a generic stub's instantiation to IR types.
using System;
using NumbaWeaver.IR;

namespace NumbaWeaver.Dispatch;

/// <summary>The .NET number types a generic [Njit] method compiles for, as IR types; any other type argument is refused.</summary>
internal static class GenericArguments
{
    /// <summary>The type arguments read off an older stub's entry class (<see cref="Dispatcher.ResolveGeneric"/>).</summary>
    public static IrType[] ToIr(Type[] arguments)
    {
        var result = new IrType[arguments.Length];
        for (int i = 0; i < arguments.Length; i++) result[i] = ToIr(arguments[i].TypeHandle);
        return result;
    }

    /// <summary>
    /// The handles a stub passes (<c>ldtoken !!T</c>): compared by handle, so no reflection runs on a first call
    /// (Type.GetGenericArguments cost a generic kernel's first call 0.3 ms, measured).
    /// </summary>
    public static IrType[] ToIr(RuntimeTypeHandle[] arguments)
    {
        var result = new IrType[arguments.Length];
        for (int i = 0; i < arguments.Length; i++) result[i] = ToIr(arguments[i]);
        return result;
    }

    /// <summary>The type arguments' names, for messages.</summary>
    public static string Names(RuntimeTypeHandle[] arguments)
    {
        string names = "";
        for (int i = 0; i < arguments.Length; i++) names += (i == 0 ? "" : ", ") + Type.GetTypeFromHandle(arguments[i]);
        return names;
    }

    private static IrType ToIr(RuntimeTypeHandle handle) =>
        handle.Equals(typeof(sbyte).TypeHandle) ? IrType.I8
        : handle.Equals(typeof(byte).TypeHandle) ? IrType.U8
        : handle.Equals(typeof(short).TypeHandle) ? IrType.I16
        : handle.Equals(typeof(ushort).TypeHandle) ? IrType.U16
        : handle.Equals(typeof(int).TypeHandle) ? IrType.I32
        : handle.Equals(typeof(uint).TypeHandle) ? IrType.U32
        : handle.Equals(typeof(long).TypeHandle) ? IrType.I64
        : handle.Equals(typeof(ulong).TypeHandle) ? IrType.U64
        : handle.Equals(typeof(float).TypeHandle) ? IrType.F32
        : handle.Equals(typeof(double).TypeHandle) ? IrType.F64
        : throw new NotSupportedException(
            $"the type argument {Type.GetTypeFromHandle(handle)} is not compiled: generic [Njit] methods compile for sbyte, byte, short, ushort, int, uint, long, ulong, float and double");
}
