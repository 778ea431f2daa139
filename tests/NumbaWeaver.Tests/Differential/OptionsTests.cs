// Differential tests of the [Njit] options: FastMath within rounding, BoundsCheck=false on in-range inputs, Inline exactly.
using System;
using System.Collections.Generic;
using System.Linq;
using Kernels.Fixture;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Differential;

public class OptionsTests
{
    private delegate double RoSpanToDouble(ReadOnlySpan<double> a);

    private static double[] Random(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
    }

    public static IEnumerable<object[]> Sizes => new[] { 0, 1, 3, 16, 1001 }.Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(Sizes))]
    public void FastMath_kernels_agree_within_rounding(int n)
    {
        var a = Random(n, n);
        Corpus.Check(typeof(Options), nameof(Options.FastSum), new[] { new object?[] { a } }, tolerance: 1e-12);
        var f = a.Select(x => (float)x).ToArray();
        var g = Random(n, n + 1).Select(x => (float)x).ToArray();
        Corpus.Check(typeof(Options), nameof(Options.FastDotF), new[] { new object?[] { f, g } }, tolerance: 1e-5);
        var norm = Differential.Pair<RoSpanToDouble>(typeof(Options), nameof(Options.FastNorm));
        norm.Compiled(a).ShouldBe(norm.Original(a), 1e-12 * Math.Max(1, norm.Original(a)));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Unchecked_kernels_are_exact_on_in_range_inputs(int n)
    {
        Corpus.Check(typeof(Options), nameof(Options.UncheckedSum), new[] { new object?[] { Random(n, 7) } });
        var src = new double[n + 2, n / 2 + 3];
        var r = Random(src.Length, 9);
        Buffer.BlockCopy(r, 0, src, 0, r.Length * sizeof(double));
        Corpus.Check(typeof(Options), nameof(Options.UncheckedStencil), new[] { new object?[] { src, new double[n + 2, n / 2 + 3] } });
    }

    [Fact]
    public void FastMath_keeps_NaN_and_infinity_tests_exact() =>
        Corpus.Check(typeof(Options), nameof(Options.FastCountNaN), EdgeValues.Of(typeof(double[])).Select(a => new object?[] { a }));

    [Fact]
    public void Inline_kernels_are_bit_identical()
    {
        Corpus.Check(typeof(Options), nameof(Options.InlinedHelperSum), EdgeValues.Of(typeof(double[])).Select(a => new object?[] { a }));
        Corpus.Check(typeof(Options), nameof(Options.InlineWithDivision), Corpus.Grid(Corpus.Kernel(typeof(Options), nameof(Options.InlineWithDivision))));
    }
}
