// Intrinsics for Numba.Random: draws from the calling thread's generator (docs/language.md, "Random numbers").
using System;

namespace NumbaWeaver.IR;

public static partial class Intrinsics
{
    /// <summary>Key type name of <c>Numba.Random</c>'s methods, e.g. <c>Random.NextDouble()</c>.</summary>
    public const string RandomType = "Random";

    /// <summary>True for the intrinsics that read or write the per-thread generator state.</summary>
    public static bool IsRandom(string? key) => key != null && key.StartsWith(RandomType + ".", StringComparison.Ordinal);

    private static void AddRandom(Action<string, string, IrType, IrType[]> add)
    {
        void Add(string method, IrType ret, params IrType[] ps) => add(RandomType, method, ret, ps);
        Add("Seed", IrType.Void, IrType.U64);
        Add("NextUInt64", IrType.U64);
        Add("NextDouble", IrType.F64);
        Add("Uniform", IrType.F64, IrType.F64, IrType.F64);
        Add("Normal", IrType.F64);
        Add("Normal", IrType.F64, IrType.F64, IrType.F64);
        Add("NextInt", IrType.I32, IrType.I32, IrType.I32);
        Add("NextLong", IrType.I64, IrType.I64, IrType.I64);
    }
}
