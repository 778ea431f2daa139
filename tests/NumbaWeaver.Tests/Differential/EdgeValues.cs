// Edge-value inputs for every parameter type the spine supports: limits, ±0, NaN, ±inf, subnormals, rounding midpoints, shift widths.
using System;
using System.Collections.Generic;
using System.Linq;

namespace NumbaWeaver.Tests.Differential;

/// <summary>
/// The values each kernel parameter is tried with. Integers cover the limits, ±1, shift widths
/// (31..65, negatives) and values that overflow when squared; floats cover ±0, ±inf, NaN,
/// subnormals, midpoints for rounding and the boundaries of every float-to-integer conversion.
/// </summary>
public static class EdgeValues
{
    public static readonly int[] Int =
    {
        0, 1, -1, 2, 3, 7, -7, 8, 31, 32, 33, 63, 64, 65, -32, 100, -1000, 46341, 65536,
        int.MaxValue, int.MinValue, int.MaxValue - 1, int.MinValue + 1, 0x55555555,
    };

    public static readonly long[] Long =
    {
        0, 1, -1, 2, 3, -3, 31, 32, 63, 64, 65, -64, int.MaxValue, int.MinValue, uint.MaxValue, 3037000500,
        5_000_000_000, -5_000_000_000, 1L << 53, (1L << 53) + 1, long.MaxValue, long.MinValue, long.MinValue + 1,
    };

    public static readonly uint[] UInt = { 0, 1, 2, 3, 31, 32, 33, 65535, 65536, 0x80000000, 0x7FFFFFFF, uint.MaxValue, uint.MaxValue - 1 };

    public static readonly ulong[] ULong =
    {
        0, 1, 2, 3, 63, 64, uint.MaxValue, 4294967296, 0x8000000000000000, long.MaxValue, ulong.MaxValue, ulong.MaxValue - 1,
        1UL << 53, (1UL << 53) + 1,
    };

    public static readonly sbyte[] SByte = { 0, 1, -1, 2, 7, 8, 64, -64, sbyte.MaxValue, sbyte.MinValue, sbyte.MinValue + 1 };
    public static readonly byte[] Byte = { 0, 1, 2, 7, 8, 127, 128, 200, byte.MaxValue };
    public static readonly short[] Short = { 0, 1, -1, 2, 15, 16, 181, 182, -256, short.MaxValue, short.MinValue, short.MinValue + 1 };
    public static readonly ushort[] UShort = { 0, 1, 2, 15, 16, 255, 256, 32768, ushort.MaxValue };
    public static readonly char[] Char = { '\0', '0', '9', 'a', 'e', 'z', ' ', '/', ':', '\uFFFF', '\u8000', '\u00FF' };
    public static readonly bool[] Bool = { false, true };

    public static readonly double[] Double =
    {
        0.0, -0.0, 1, -1, 0.5, -0.5, 1.5, 2.5, -2.5, 3.5, 0.49999999999999994, -0.49999999999999994, 0.1, 3, 100.25, -7.75,
        double.Epsilon, -double.Epsilon, 2.2250738585072014E-308, 2.2250738585072009E-308, 1e-310, -1e-310,
        double.MaxValue, double.MinValue, double.PositiveInfinity, double.NegativeInfinity, double.NaN,
        BitConverter.Int64BitsToDouble(0x7FF8000000000001), 1e10, 1e300, -1e300,
        127.9, 128, -128.5, -129, 255.9, 256, 32767.5, -32768.9, 65535.9, 65536,
        2147483647.5, 2147483648.0, -2147483648.9, -2147483649, 4294967295.9, 4294967296,
        9.2233720368547758e18, -9.2233720368547758e18, 1.8446744073709552e19, 9007199254740993, 710, -745, Math.PI, -Math.E,
    };

    public static readonly float[] Float =
    {
        0f, -0f, 1, -1, 0.5f, -0.5f, 1.5f, 2.5f, -2.5f, 0.49999997f, 0.1f, 3, 100.25f, -7.75f,
        float.Epsilon, -float.Epsilon, 1.17549435E-38f, 1e-40f, -1e-40f,
        float.MaxValue, float.MinValue, float.PositiveInfinity, float.NegativeInfinity, float.NaN,
        BitConverter.Int32BitsToSingle(0x7FC00001), 1e10f, 1e30f,
        127.9f, 128, -128.5f, -129, 255.9f, 256, 65535.9f, 65536, 2147483520f, 2147483648f, -2147483648f, -2147483904f,
        4294967040f, 4294967296f, 9.223372E18f, -9.223373E18f, 1.8446743E19f, 1.8446744E19f, 88.8f, -104f, MathF.PI,
    };

    /// <summary>Valid modes and two invalid ones (ArgumentException).</summary>
    public static readonly MidpointRounding[] Rounding =
        Enum.GetValues<MidpointRounding>().Append((MidpointRounding)5).Append((MidpointRounding)(-1)).ToArray();

    /// <summary>Edge values of a scalar type (also the element type of a ref/out parameter).</summary>
    public static IReadOnlyList<object> Of(Type type) => type switch
    {
        _ when type == typeof(int) => Box(Int),
        _ when type == typeof(long) => Box(Long),
        _ when type == typeof(uint) => Box(UInt),
        _ when type == typeof(ulong) => Box(ULong),
        _ when type == typeof(sbyte) => Box(SByte),
        _ when type == typeof(byte) => Box(Byte),
        _ when type == typeof(short) => Box(Short),
        _ when type == typeof(ushort) => Box(UShort),
        _ when type == typeof(char) => Box(Char),
        _ when type == typeof(bool) => Box(Bool),
        _ when type == typeof(double) => Box(Double),
        _ when type == typeof(float) => Box(Float),
        _ when type == typeof(MidpointRounding) => Box(Rounding),
        _ when type.IsArray => Arrays(type),
        _ => throw new NotSupportedException($"no edge values for {type}"),
    };

    private static object[] Box<T>(T[] values) => values.Select(v => (object)v!).ToArray();

    /// <summary>Arrays of a type: null, empty (in every dimension), one element, edge values, a longer random one.</summary>
    private static IReadOnlyList<object> Arrays(Type arrayType)
    {
        var element = arrayType.GetElementType()!;
        var scalars = Of(element);
        var result = new List<object> { null! };
        if (arrayType.GetArrayRank() == 1)
        {
            result.Add(Array.CreateInstance(element, 0));
            result.Add(Filled(element, new[] { 1 }, scalars, 3));
            result.Add(Filled(element, new[] { scalars.Count }, scalars, 0));
            result.Add(Filled(element, new[] { 37 }, scalars, 11));
            return result;
        }
        var shapes = arrayType.GetArrayRank() == 2
            ? new[] { new[] { 0, 0 }, new[] { 0, 3 }, new[] { 3, 0 }, new[] { 1, 1 }, new[] { 3, 4 }, new[] { 5, 2 } }
            : new[] { new[] { 0, 0, 0 }, new[] { 2, 0, 3 }, new[] { 1, 1, 1 }, new[] { 2, 3, 4 }, new[] { 3, 1, 2 } };
        foreach (var shape in shapes) result.Add(Filled(element, shape, scalars, shape.Sum()));
        return result;
    }

    private static Array Filled(Type element, int[] shape, IReadOnlyList<object> scalars, int seed)
    {
        var array = Array.CreateInstance(element, shape);
        var rng = new Random(seed);
        var index = new int[shape.Length];
        for (int k = 0; k < array.Length; k++)
        {
            for (int d = shape.Length - 1, rest = k; d >= 0; d--) { index[d] = rest % shape[d]; rest /= shape[d]; }
            array.SetValue(seed == 0 ? scalars[k % scalars.Count] : scalars[rng.Next(scalars.Count)], index);
        }
        return array;
    }
}
