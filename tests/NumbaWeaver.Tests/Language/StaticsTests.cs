// Differential tests of const/static readonly fields, static readonly arrays read at call time, local functions and recursion.
using System;
using System.Linq;
using Kernels.Fixture;
using Shouldly;
using Xunit;
using D = NumbaWeaver.Tests.Differential.Differential;

namespace NumbaWeaver.Tests.Language;

public class StaticsTests
{
    private static readonly Type K = typeof(LanguageStatics);

    [Theory]
    [InlineData(0.0)]
    [InlineData(12.5)]
    [InlineData(-3.0)]
    public void Const_and_literal_static_readonly_fields(double v) => D.Check(K, nameof(LanguageStatics.Constants), v);

    [Fact]
    public void Static_readonly_array_is_read_at_call_time()
    {
        var a = Enumerable.Range(1, 10).Select(i => (double)i).ToArray();
        D.Check(K, nameof(LanguageStatics.Weighted), a);
        double before = LanguageStatics.Weighted(a);
        double saved = LanguageStatics.Weights[1];
        try
        {
            LanguageStatics.Weights[1] = 100;
            double after = LanguageStatics.Weighted(a);
            after.ShouldNotBe(before);
            D.Check(K, nameof(LanguageStatics.Weighted), a);
        }
        finally
        {
            LanguageStatics.Weights[1] = saved;
        }
        LanguageStatics.Weighted(a).ShouldBe(before);
    }

    [Fact]
    public void Static_readonly_2d_array() => D.Check(K, nameof(LanguageStatics.GridSum));

    [Fact]
    public void Static_local_function() => D.Check(K, nameof(LanguageStatics.SumOfSquares), new[] { 1.5, -2.0, 3.25 });

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(20)]
    public void Recursion(int n)
    {
        D.Check(K, nameof(LanguageStatics.Fibonacci), n);
        D.Check(K, nameof(LanguageStatics.IsEven), n);
    }

    [Fact]
    public void Recursive_quicksort_sorts_like_the_original()
    {
        var rng = new Random(3);
        var a = Enumerable.Range(0, 500).Select(_ => Math.Round(rng.NextDouble() * 100, 1)).ToArray();
        D.Check(K, nameof(LanguageStatics.QuickSort), a, 0, a.Length - 1);
        var copy = (double[])a.Clone();
        LanguageStatics.QuickSort(copy, 0, copy.Length - 1);
        copy.ShouldBe(a.OrderBy(x => x).ToArray());
    }
}
