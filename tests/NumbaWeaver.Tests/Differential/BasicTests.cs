// Differential tests of the spine's first kernels: compiled vs original C#, bit for bit.
using System;
using System.Linq;
using Kernels.Fixture;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Differential;

public class BasicTests
{
    private delegate double SpanDot(ReadOnlySpan<double> a, ReadOnlySpan<double> b);

    [Theory]
    [InlineData(1, 2)]
    [InlineData(int.MaxValue, 1)]
    [InlineData(int.MinValue, -1)]
    public void AddInts_wraps_like_csharp(int a, int b) => Differential.Check(typeof(Basic), nameof(Basic.AddInts), a, b);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1000)]
    public void Dot_is_bit_identical(int n)
    {
        var rng = new Random(n);
        var a = Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var b = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 1e3).ToArray();
        Differential.Check(typeof(Basic), nameof(Basic.Dot), a, b);
    }

    [Fact]
    public void Dot_with_a_shorter_second_array_throws_IndexOutOfRange()
    {
        Differential.Check(typeof(Basic), nameof(Basic.Dot), new double[5], new double[3]);
        Should.Throw<IndexOutOfRangeException>(() => Basic.Dot(new double[5], new double[3]));
    }

    [Fact]
    public void Dot_with_a_null_array_throws_NullReference_like_csharp()
    {
        Should.Throw<NullReferenceException>(() => Basic.Dot(null!, new double[3]));
        Differential.Check(typeof(Basic), nameof(Basic.Dot), new double[0], null);
    }

    [Fact]
    public void DotFast_agrees_within_rounding()
    {
        var (compiled, original) = Differential.Pair<SpanDot>(typeof(Basic), nameof(Basic.DotFast));
        var rng = new Random(5);
        var a = Enumerable.Range(0, 10_001).Select(_ => rng.NextDouble()).ToArray();
        var b = Enumerable.Range(0, 10_001).Select(_ => rng.NextDouble()).ToArray();
        var expected = original(a, b);
        compiled(a, b).ShouldBe(expected, 1e-9 * expected);
        compiled(a.AsSpan(3, 5), b.AsSpan(1, 5)).ShouldBe(original(a.AsSpan(3, 5), b.AsSpan(1, 5)), 1e-12);
    }
}
