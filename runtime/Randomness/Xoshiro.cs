// The generator: xoshiro256** on a 4-word state, splitmix64 seeding, and the exact transforms compiled code repeats bit for bit.
using System;
using System.Numerics;

namespace NumbaWeaver.Randomness;

/// <summary>
/// The one definition of every draw. The LLVM lowering (runtime/Backend/FunctionLowering.Random.cs)
/// emits the same operations in the same order, using only integer arithmetic, exact conversions,
/// IEEE +, -, *, / and sqrt (correctly rounded everywhere) and <c>Math.Log</c> (the C library's log on
/// both sides), so compiled and uncompiled code produce bit-identical sequences.
/// </summary>
internal static unsafe class Xoshiro
{
    /// <summary>2^-53: a 53-bit integer times this is a double in [0, 1), exactly.</summary>
    public const double UnitScale = 1.0 / (1UL << 53);

    /// <summary>Odd constant that separates the seeds of the streams of one seed (docs/language.md).</summary>
    public const ulong StreamStride = 0xD1B54A32D192ED03UL;

    /// <summary>xoshiro256** (Blackman and Vigna): the next 64 bits; advances the state.</summary>
    public static ulong Next(ulong* s)
    {
        ulong result = BitOperations.RotateLeft(s[1] * 5, 7) * 9;
        ulong t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = BitOperations.RotateLeft(s[3], 45);
        return result;
    }

    /// <summary>Uniform in [0, 1): the top 53 bits scaled by 2^-53.</summary>
    public static double NextDouble(ulong* s) => (Next(s) >> 11) * UnitScale;

    /// <summary>Standard normal by Marsaglia's polar method (the second value of each pair is dropped).</summary>
    public static double Normal(ulong* s)
    {
        double u, v, r;
        do
        {
            u = 2.0 * NextDouble(s) - 1.0;
            v = 2.0 * NextDouble(s) - 1.0;
            r = u * u + v * v;
        } while (r >= 1.0 || r == 0.0);
        return u * Math.Sqrt(-2.0 * Math.Log(r) / r);
    }

    /// <summary>Uniform in [lo, hiExclusive) without bias: Lemire's multiply-and-reject on the top 32 bits.</summary>
    public static int NextInt(ulong* s, int lo, int hiExclusive)
    {
        if (hiExclusive <= lo) throw BadRange(lo, hiExclusive);
        uint range = unchecked((uint)(hiExclusive - lo));
        ulong m = (Next(s) >> 32) * range;
        uint low = unchecked((uint)m);
        if (low < range)
        {
            uint threshold = unchecked(0u - range) % range;
            while (low < threshold)
            {
                m = (Next(s) >> 32) * range;
                low = unchecked((uint)m);
            }
        }
        return unchecked(lo + (int)(m >> 32));
    }

    /// <summary>Uniform in [lo, hiExclusive) without bias: Lemire's method with a 128-bit product.</summary>
    public static long NextLong(ulong* s, long lo, long hiExclusive)
    {
        if (hiExclusive <= lo) throw BadRange(lo, hiExclusive);
        ulong range = unchecked((ulong)(hiExclusive - lo));
        ulong high = Math.BigMul(Next(s), range, out ulong low);
        if (low < range)
        {
            ulong threshold = unchecked(0UL - range) % range;
            while (low < threshold) high = Math.BigMul(Next(s), range, out low);
        }
        return unchecked(lo + (long)high);
    }

    /// <summary>The exception of an empty range; compiled code raises the same one (type, parameter name and message).</summary>
    public static ArgumentOutOfRangeException BadRange(long lo, long hiExclusive) =>
        new("hiExclusive", $"hiExclusive ({hiExclusive}) must be greater than lo ({lo}).");

    /// <summary>The message template compiled code raises with, holes {0} = hiExclusive and {1} = lo.</summary>
    public const string BadRangeTemplate = "hiExclusive ({0}) must be greater than lo ({1}).";

    /// <summary>Seeds the state of stream <paramref name="stream"/> of <paramref name="seed"/> with splitmix64.</summary>
    public static void Seed(ulong* s, ulong seed, ulong stream)
    {
        ulong x = unchecked(seed + stream * StreamStride);
        for (int i = 0; i < 4; i++) s[i] = SplitMix64(ref x);
        if ((s[0] | s[1] | s[2] | s[3]) == 0) s[0] = 1; // the one state xoshiro cannot leave
    }

    private static ulong SplitMix64(ref ulong x)
    {
        unchecked
        {
            ulong z = x += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
