// Intrinsics for integer bit twiddling and exact arithmetic: BitOperations, int/uint/long/ulong statics, BitConverter, BigMul, DivRem, ScaleB, ILogB.
using System;

namespace NumbaWeaver.IR;

public static partial class Intrinsics
{
    /// <summary>Methods of <c>System.Numerics.BitOperations</c> with their overloads.</summary>
    private static void AddLibrary(Action<string, string, IrType, IrType[]> add)
    {
        void Add(string type, string method, IrType ret, params IrType[] ps) => add(type, method, ret, ps);
        var (i32, u32, i64, u64) = (IrType.I32, IrType.U32, IrType.I64, IrType.U64);

        const string Bits = "BitOperations";
        foreach (var u in new[] { u32, u64 })
        {
            Add(Bits, "PopCount", i32, u);
            Add(Bits, "LeadingZeroCount", i32, u);
            Add(Bits, "Log2", i32, u);
            Add(Bits, "RotateLeft", u, u, i32);
            Add(Bits, "RotateRight", u, u, i32);
            Add(Bits, "RoundUpToPowerOf2", u, u);
        }
        foreach (var x in new[] { i32, u32, i64, u64 })
        {
            Add(Bits, "TrailingZeroCount", i32, x);
            Add(Bits, "IsPow2", IrType.Bool, x);

            // The generic-math statics of the integer types (int.PopCount ...) return their own type.
            string own = x.Kind switch { TypeKind.I32 => "Int32", TypeKind.U32 => "UInt32", TypeKind.I64 => "Int64", _ => "UInt64" };
            Add(own, "IsPow2", IrType.Bool, x);
            Add(own, "PopCount", x, x);
            Add(own, "LeadingZeroCount", x, x);
            Add(own, "TrailingZeroCount", x, x);
            Add(own, "RotateLeft", x, x, i32);
            Add(own, "RotateRight", x, x, i32);
            // int.Log2/long.Log2 throw for negative values: only the unsigned ones are intrinsics.
            if (!x.IsSigned) Add(own, "Log2", x, x);
        }

        Add("Math", "BigMul", i64, i32, i32);
        Add("Math", "BigMul", u64, u32, u32);
        Add("Math", "BigMul", i64, i64, i64, IrType.RefTo(i64)); // returns the high half, 'out' the low half
        Add("Math", "BigMul", u64, u64, u64, IrType.RefTo(u64));
        Add("Math", "DivRem", i32, i32, i32, IrType.RefTo(i32));  // returns the quotient, 'out' the remainder
        Add("Math", "DivRem", i64, i64, i64, IrType.RefTo(i64));
        // BitConverter's reinterpretations between a float and the integer of the same width.
        const string Converter = "BitConverter";
        var (f32, f64) = (IrType.F32, IrType.F64);
        Add(Converter, "DoubleToInt64Bits", i64, f64);
        Add(Converter, "DoubleToUInt64Bits", u64, f64);
        Add(Converter, "Int64BitsToDouble", f64, i64);
        Add(Converter, "UInt64BitsToDouble", f64, u64);
        Add(Converter, "SingleToInt32Bits", i32, f32);
        Add(Converter, "SingleToUInt32Bits", u32, f32);
        Add(Converter, "Int32BitsToSingle", f32, i32);
        Add(Converter, "UInt32BitsToSingle", f32, u32);

        Add("Math", "ScaleB", IrType.F64, IrType.F64, i32);
        Add("Math", "ILogB", i32, IrType.F64);
        Add("MathF", "ScaleB", IrType.F32, IrType.F32, i32);
        Add("MathF", "ILogB", i32, IrType.F32);
    }
}
