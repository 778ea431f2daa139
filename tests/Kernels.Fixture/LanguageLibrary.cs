// Kernels over BitOperations, the integer types' static bit functions, BigMul, DivRem, ScaleB and ILogB.
using System;
using System.Numerics;
using NumbaWeaver;

namespace Kernels.Fixture;

public static class LanguageLibrary
{
    /// <summary>Every 32-bit bit function of one value, written to consecutive slots of <paramref name="o"/>.</summary>
    [Njit]
    public static void Bits32(uint u, int n, long[] o)
    {
        int i = (int)u;
        o[0] = BitOperations.PopCount(u);
        o[1] = BitOperations.LeadingZeroCount(u);
        o[2] = BitOperations.TrailingZeroCount(u);
        o[3] = BitOperations.TrailingZeroCount(i);
        o[4] = BitOperations.Log2(u);
        o[5] = BitOperations.RotateLeft(u, n);
        o[6] = BitOperations.RotateRight(u, n);
        o[7] = BitOperations.IsPow2(u) ? 1 : 0;
        o[8] = BitOperations.IsPow2(i) ? 1 : 0;
        o[9] = BitOperations.RoundUpToPowerOf2(u);
        o[10] = int.PopCount(i);
        o[11] = int.LeadingZeroCount(i);
        o[12] = int.TrailingZeroCount(i);
        o[13] = int.RotateLeft(i, n);
        o[14] = int.RotateRight(i, n);
        o[15] = int.IsPow2(i) ? 1 : 0;
        o[16] = uint.Log2(u);
        o[17] = uint.PopCount(u);
        o[18] = uint.IsPow2(u) ? 1 : 0;
        o[19] = Math.BigMul(i, n);
        o[20] = (long)Math.BigMul(u, (uint)n);
    }

    [Njit]
    public static void Bits64(ulong u, int n, long[] o)
    {
        long l = (long)u;
        o[0] = BitOperations.PopCount(u);
        o[1] = BitOperations.LeadingZeroCount(u);
        o[2] = BitOperations.TrailingZeroCount(u);
        o[3] = BitOperations.TrailingZeroCount(l);
        o[4] = BitOperations.Log2(u);
        o[5] = (long)BitOperations.RotateLeft(u, n);
        o[6] = (long)BitOperations.RotateRight(u, n);
        o[7] = BitOperations.IsPow2(u) ? 1 : 0;
        o[8] = BitOperations.IsPow2(l) ? 1 : 0;
        o[9] = (long)BitOperations.RoundUpToPowerOf2(u);
        o[10] = long.PopCount(l);
        o[11] = long.LeadingZeroCount(l);
        o[12] = long.TrailingZeroCount(l);
        o[13] = long.RotateLeft(l, n);
        o[14] = long.RotateRight(l, n);
        o[15] = long.IsPow2(l) ? 1 : 0;
        o[16] = (long)ulong.Log2(u);
        o[17] = (long)ulong.RotateLeft(u, n);
        o[18] = Math.BigMul(l, (long)n * 0x123456789L, out long low);
        o[19] = low;
        o[20] = (long)Math.BigMul(u, (ulong)n * 0xFEDCBA987UL, out ulong ulow);
        o[21] = (long)ulow;
    }

    [Njit]
    public static int DivRem32(int a, int b, int[] rem) => Math.DivRem(a, b, out rem[0]);

    [Njit]
    public static long DivRem64(long a, long b, out long rem) => Math.DivRem(a, b, out rem);

    /// <summary>BitConverter both ways, with integer arithmetic on the bits (next double up, sign flip, float halves).</summary>
    [Njit]
    public static double Reinterpret(double x, float f, long[] bits)
    {
        bits[0] = BitConverter.DoubleToInt64Bits(x);
        bits[1] = (long)BitConverter.DoubleToUInt64Bits(x) >>> 52;
        bits[2] = BitConverter.SingleToInt32Bits(f);
        bits[3] = BitConverter.SingleToUInt32Bits(f) & 0x7FFFFF;
        // Results stored as bits, not summed: adding two NaNs of different signs may keep either one (LLVM
        // may commute the add), which is not what this kernel is about.
        bits[4] = BitConverter.SingleToInt32Bits(BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(f) ^ int.MinValue));
        bits[5] = BitConverter.SingleToInt32Bits(BitConverter.UInt32BitsToSingle(BitConverter.SingleToUInt32Bits(f) - 0x800000u));
        bits[6] = BitConverter.DoubleToInt64Bits(BitConverter.UInt64BitsToDouble(BitConverter.DoubleToUInt64Bits(x) & 0x800F_FFFF_FFFF_FFFFUL));
        return BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(x) + 1); // the next double up (or a NaN)
    }

    /// <summary>double.Hypot of each pair.</summary>
    [Njit]
    public static void Hypots(double[] x, double[] y, double[] result)
    {
        for (int i = 0; i < x.Length; i++) result[i] = double.Hypot(x[i], y[i]);
    }

    [Njit]
    public static double ScaleAndLog(double x, int n, int[] ilogb)
    {
        ilogb[0] = Math.ILogB(x);
        return Math.ScaleB(x, n);
    }

    [Njit]
    public static float ScaleAndLogF(float x, int n, int[] ilogb)
    {
        ilogb[0] = MathF.ILogB(x);
        return MathF.ScaleB(x, n);
    }

    /// <summary>A real use: the number of set bits over a bitset, as in a sieve or a popcount join.</summary>
    [Njit]
    public static long CountBits(ulong[] words)
    {
        long c = 0;
        for (int i = 0; i < words.Length; i++) c += BitOperations.PopCount(words[i]);
        return c;
    }
}
