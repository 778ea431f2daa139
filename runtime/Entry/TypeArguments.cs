// A generic stub's type arguments as the codes the native hit path names instances by.
using System;

namespace NumbaWeaver.Entry;

/// <summary>The number types a generic [Njit] method can be instantiated over, without reflection.</summary>
internal static class TypeArguments
{
    /// <summary>
    /// The number type's index in the order of the runtime's IrTypes and IR names (i8, u8, i16, u16, i32, u32, i64, u64,
    /// f32, f64: what IrType.ToString writes; a test holds them equal, and request.c has the same names), or -1.
    /// </summary>
    public static int ScalarOf(RuntimeTypeHandle handle) =>
        handle.Equals(typeof(sbyte).TypeHandle) ? 0
        : handle.Equals(typeof(byte).TypeHandle) ? 1
        : handle.Equals(typeof(short).TypeHandle) ? 2
        : handle.Equals(typeof(ushort).TypeHandle) ? 3
        : handle.Equals(typeof(int).TypeHandle) ? 4
        : handle.Equals(typeof(uint).TypeHandle) ? 5
        : handle.Equals(typeof(long).TypeHandle) ? 6
        : handle.Equals(typeof(ulong).TypeHandle) ? 7
        : handle.Equals(typeof(float).TypeHandle) ? 8
        : handle.Equals(typeof(double).TypeHandle) ? 9
        : -1;
}
