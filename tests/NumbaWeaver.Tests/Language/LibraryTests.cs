// Differential tests of BitOperations, integer statics, BitConverter, BigMul, DivRem, ScaleB and ILogB: compiled equals .NET bit for bit.
using System;
using System.Collections.Generic;
using System.Linq;
using Kernels.Fixture;
using Shouldly;
using Xunit;
using D = NumbaWeaver.Tests.Differential.Differential;

namespace NumbaWeaver.Tests.Language;

public class LibraryTests
{
    private static readonly Type K = typeof(LanguageLibrary);

    private static IEnumerable<ulong> Samples()
    {
        var rng = new Random(11);
        var edges = new ulong[] { 0, 1, 2, 3, 4, 5, 7, 8, 0x7FFFFFFF, 0x80000000, 0x80000001, 0xFFFFFFFF, 0x100000000,
            0x7FFFFFFFFFFFFFFF, 0x8000000000000000, 0xFFFFFFFFFFFFFFFF, 0xFFFFFFFFFFFFFFFE, 1UL << 40 };
        return edges.Concat(Enumerable.Range(0, 40).Select(_ => (ulong)rng.NextInt64() ^ ((ulong)rng.Next() << 40)));
    }

    private static readonly int[] Counts = { 0, 1, 5, 31, 32, 33, 63, 64, 65, -1, -33, int.MaxValue, int.MinValue };

    [Fact]
    public void Bit_functions_32_match()
    {
        foreach (var u in Samples())
            foreach (var n in Counts)
                D.Check(K, nameof(LanguageLibrary.Bits32), (uint)u, n, new long[21]);
    }

    [Fact]
    public void Bit_functions_64_match()
    {
        foreach (var u in Samples())
            foreach (var n in Counts)
                D.Check(K, nameof(LanguageLibrary.Bits64), u, n, new long[22]);
    }

    [Fact]
    public void Results_are_the_libraries_own()
    {
        var o = new long[21];
        LanguageLibrary.Bits32(12, 3, o);
        o[0].ShouldBe(System.Numerics.BitOperations.PopCount(12u));
        o[4].ShouldBe(System.Numerics.BitOperations.Log2(12u));
        o[9].ShouldBe(System.Numerics.BitOperations.RoundUpToPowerOf2(12u));
    }

    [Theory]
    [InlineData(7, 2)]
    [InlineData(-7, 2)]
    [InlineData(7, -2)]
    [InlineData(int.MinValue, 3)]
    [InlineData(5, 0)]
    [InlineData(int.MinValue, -1)]
    public void DivRem32_matches_including_exceptions(int a, int b) => D.Check(K, nameof(LanguageLibrary.DivRem32), a, b, new int[1]);

    [Theory]
    [InlineData(70000000000L, 3L)]
    [InlineData(-70000000001L, 7L)]
    [InlineData(1L, 0L)]
    [InlineData(long.MinValue, -1L)]
    public void DivRem64_matches_including_exceptions(long a, long b) => D.Check(K, nameof(LanguageLibrary.DivRem64), a, b, 0L);

    private static readonly double[] Doubles =
    {
        0.0, -0.0, 1.0, -1.5, 3.75, 1e-310, -4.9e-324, 2.2250738585072014e-308, double.MaxValue, double.Epsilon,
        double.PositiveInfinity, double.NegativeInfinity, double.NaN, BitConverter.Int64BitsToDouble(0x7FF0000000000123), 123456.789,
    };

    private static readonly int[] Exponents = { 0, 1, -1, 10, -1074, -1075, -1022, 1023, 1024, 2098, -2098, int.MaxValue, int.MinValue };

    [Fact]
    public void ScaleB_and_ILogB_double_match()
    {
        foreach (var x in Doubles)
            foreach (var n in Exponents)
                D.Check(K, nameof(LanguageLibrary.ScaleAndLog), x, n, new int[1]);
    }

    [Fact]
    public void BitConverter_reinterprets_both_ways()
    {
        foreach (var x in Doubles)
            foreach (var f in new[] { 0f, -0f, 1.5f, -3e38f, 1e-40f, float.NaN, float.NegativeInfinity, (float)x })
                D.Check(K, nameof(LanguageLibrary.Reinterpret), x, f, new long[7]);
    }

    [Fact]
    public void Hypot_matches_on_every_kind_of_double()
    {
        var rng = new Random(8);
        var pairs = Doubles.SelectMany(a => Doubles.Select(b => (a, b))).ToList();
        for (int k = 0; k < 5000; k++) pairs.Add((BitConverter.Int64BitsToDouble(rng.NextInt64()), BitConverter.Int64BitsToDouble(rng.NextInt64())));
        for (int k = 0; k < 3000; k++) { double a = BitConverter.Int64BitsToDouble(rng.NextInt64()); pairs.Add((a, -a * (1 + rng.NextDouble() * 1e-6))); }
        for (int k = 0; k < 2000; k++) pairs.Add((Math.ScaleB(rng.NextDouble(), rng.Next(-1090, -1000)), Math.ScaleB(rng.NextDouble(), rng.Next(-1090, -1000))));
        D.Check(K, nameof(LanguageLibrary.Hypots), pairs.Select(p => p.a).ToArray(), pairs.Select(p => p.b).ToArray(), new double[pairs.Count]);
    }

    [Fact]
    public void ScaleB_and_ILogB_float_match()
    {
        foreach (var x in Doubles.Select(d => (float)d).Append(1e-40f).Append(float.Epsilon).Append(-1e-45f))
            foreach (var n in Exponents.Append(-149).Append(-150).Append(127).Append(128))
                D.Check(K, nameof(LanguageLibrary.ScaleAndLogF), x, n, new int[1]);
    }

    [Fact]
    public void Popcount_over_a_bitset()
    {
        var words = Samples().ToArray();
        D.Check(K, nameof(LanguageLibrary.CountBits), words);
        LanguageLibrary.CountBits(words).ShouldBe(words.Sum(w => (long)System.Numerics.BitOperations.PopCount(w)));
    }
}
