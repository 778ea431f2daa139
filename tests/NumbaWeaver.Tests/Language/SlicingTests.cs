// Differential tests of span slicing: same values, same writes through views, same ArgumentOutOfRangeException.
using System;
using System.Linq;
using Kernels.Fixture;
using Shouldly;
using Xunit;
using D = NumbaWeaver.Tests.Differential.Differential;

namespace NumbaWeaver.Tests.Language;

public class SlicingTests
{
    private static readonly Type K = typeof(LanguageSlicing);
    private static readonly double[] Data = Enumerable.Range(1, 10).Select(i => i * 1.5).ToArray();

    private delegate double SpanFunction(ReadOnlySpan<double> s);

    [Theory]
    [InlineData(0, 10)]
    [InlineData(3, 4)]
    [InlineData(10, 0)]
    [InlineData(9, 2)]
    [InlineData(-1, 2)]
    [InlineData(2, -1)]
    [InlineData(11, 0)]
    [InlineData(int.MaxValue, int.MaxValue)]
    public void AsSpan_start_length(int start, int length) => D.Check(K, nameof(LanguageSlicing.SumRange), Data, start, length);

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(-1)]
    public void AsSpan_start(int start) => D.Check(K, nameof(LanguageSlicing.SumFrom), Data, start);

    [Theory]
    [InlineData(2, 3, 4)]
    [InlineData(0, 0, 0)]
    [InlineData(5, 5, 0)]
    [InlineData(5, 6, 0)]
    [InlineData(5, 2, 4)]
    public void Slices_of_slices(int s1, int s2, int n) => D.Check(K, nameof(LanguageSlicing.SliceOfSlice), Data, s1, s2, n);

    [Fact]
    public void Out_of_range_slice_throws_the_same_exception()
    {
        var ex = Should.Throw<ArgumentOutOfRangeException>(() => LanguageSlicing.SumRange(Data, 8, 3));
        ex.Message.ShouldBe(Should.Throw<ArgumentOutOfRangeException>(() => Data.AsSpan(8, 3).ToArray()).Message);
    }

    [Fact]
    public void Ranges_and_from_end_indices()
    {
        var (compiled, original) = D.Pair<SpanFunction>(K, nameof(LanguageSlicing.Inner));
        for (int n = 0; n <= Data.Length; n++)
            compiled(Data.AsSpan(0, n)).ShouldBe(original(Data.AsSpan(0, n)));
    }

    [Theory]
    [InlineData(2, 5)]
    [InlineData(0, 10)]
    [InlineData(4, 7)]
    public void Writes_through_a_view_reach_the_array(int start, int length) =>
        D.Check(K, nameof(LanguageSlicing.ScaleWindow), Data, start, length, -2.0);

    [Fact]
    public void Median_by_quickselect_matches()
    {
        var rng = new Random(9);
        foreach (int n in new[] { 1, 2, 3, 10, 101, 1000 })
        {
            var a = Enumerable.Range(0, n).Select(_ => Math.Round(rng.NextDouble() * 50, 1)).ToArray();
            D.Check(K, nameof(LanguageSlicing.Median), a);
            LanguageSlicing.Median((double[])a.Clone()).ShouldBe(a.OrderBy(x => x).ElementAt(n / 2));
        }
        D.Check(K, nameof(LanguageSlicing.Median), Array.Empty<double>());
    }

    private delegate void SpanAction(Span<double> s);

    [Fact]
    public void Tuple_swaps_and_ref_locals()
    {
        var (compiled, original) = D.Pair<SpanAction>(K, nameof(LanguageSlicing.Reverse));
        for (int n = 0; n <= 7; n++)
        {
            var a = Data.Take(n).ToArray();
            var b = Data.Take(n).ToArray();
            compiled(a);
            original(b);
            a.ShouldBe(b);
        }
        D.Check(K, nameof(LanguageSlicing.SwapRows), new[,] { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 9 } }, 0, 2);
        D.Check(K, nameof(LanguageSlicing.SwapRows), new[,] { { 1, 2 }, { 3, 4 } }, 0, 2);
    }
}
