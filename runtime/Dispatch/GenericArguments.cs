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

    /// <summary>
    /// The key of the instance with these type arguments in the weaver's instance lines (<see cref="GenericInstance.KeyOf"/>),
    /// written from the arguments' IR names without IrType (the native hit path's first call); null when one is not a
    /// number type.
    /// </summary>
    public static string? InstanceKey(string function, RuntimeTypeHandle[] arguments)
    {
        string key = function + "\t";
        for (int i = 0; i < arguments.Length; i++)
        {
            int scalar = ScalarOf(arguments[i]);
            if (scalar < 0) return null;
            key += (i == 0 ? "" : ",") + IrNames[scalar];
        }
        return key;
    }

    /// <summary>The number type's index in the order of IrTypes and IrNames (<see cref="Entry.TypeArguments.ScalarOf"/>), or -1.</summary>
    internal static int ScalarOf(RuntimeTypeHandle handle) => Entry.TypeArguments.ScalarOf(handle);

    internal static readonly string[] IrNames = ["i8", "u8", "i16", "u16", "i32", "u32", "i64", "u64", "f32", "f64"];

    private static IrType ToIr(RuntimeTypeHandle handle) => ScalarOf(handle) switch
    {
        0 => IrType.I8,
        1 => IrType.U8,
        2 => IrType.I16,
        3 => IrType.U16,
        4 => IrType.I32,
        5 => IrType.U32,
        6 => IrType.I64,
        7 => IrType.U64,
        8 => IrType.F32,
        9 => IrType.F64,
        _ => throw new NotSupportedException(
            $"the type argument {Type.GetTypeFromHandle(handle)} is not compiled: generic [Njit] methods compile for sbyte, byte, short, ushort, int, uint, long, ulong, float and double"),
    };
}
