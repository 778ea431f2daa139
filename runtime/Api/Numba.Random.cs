// Numba.Random: seeded random numbers that compiled kernels draw exactly as the original C# does.
using NumbaWeaver.Randomness;

namespace NumbaWeaver;

public static partial class Numba
{
    /// <summary>
    /// Random numbers for kernels (Numba's np.random): xoshiro256** with one state per thread. Inside
    /// <c>[Njit]</c> code every method compiles to native code that draws from the same per-thread state
    /// as this managed code, with bit-identical results, so a kernel seeded with <see cref="Seed"/>
    /// returns the same numbers compiled, with NUMBA_DISABLE_JIT, and as the original C#. Parallel loops:
    /// see docs/language.md ("Random numbers").
    /// </summary>
    public static unsafe class Random
    {
        /// <summary>Seeds the calling thread's generator (only that thread's: each thread has its own).</summary>
        public static void Seed(ulong seed) => Xoshiro.Seed(RandomStreams.Current, seed, 0);

        /// <summary>The next 64 random bits.</summary>
        public static ulong NextUInt64() => Xoshiro.Next(RandomStreams.Current);

        /// <summary>Uniform in [0, 1): the top 53 bits of <see cref="NextUInt64"/> times 2^-53.</summary>
        public static double NextDouble() => Xoshiro.NextDouble(RandomStreams.Current);

        /// <summary>Uniform in [lo, hi): <c>lo + (hi - lo) * NextDouble()</c>.</summary>
        public static double Uniform(double lo, double hi) => lo + (hi - lo) * Xoshiro.NextDouble(RandomStreams.Current);

        /// <summary>Standard normal (mean 0, standard deviation 1), by Marsaglia's polar method.</summary>
        public static double Normal() => Xoshiro.Normal(RandomStreams.Current);

        /// <summary>Normal with the given mean and standard deviation: <c>mean + std * Normal()</c>.</summary>
        public static double Normal(double mean, double std) => mean + std * Xoshiro.Normal(RandomStreams.Current);

        /// <summary>Uniform integer in [lo, hiExclusive), without bias; <see cref="System.ArgumentOutOfRangeException"/> when hiExclusive &lt;= lo.</summary>
        public static int NextInt(int lo, int hiExclusive) => Xoshiro.NextInt(RandomStreams.Current, lo, hiExclusive);

        /// <summary>Uniform 64-bit integer in [lo, hiExclusive), without bias; throws as <see cref="NextInt"/>.</summary>
        public static long NextLong(long lo, long hiExclusive) => Xoshiro.NextLong(RandomStreams.Current, lo, hiExclusive);
    }
}
