// Differential tests of Arrays: 1-D/2-D/3-D arrays, spans, foreach, Length/GetLength, empty and null arrays, bad indices.
using System;
using System.Collections.Generic;
using System.Linq;
using Kernels.Fixture;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Differential;

public class ArraysTests
{
    private static readonly string[] SpanKernels =
    {
        nameof(Arrays.SpanSum), nameof(Arrays.RoSpanForeach), nameof(Arrays.SpanScale), nameof(Arrays.SpanAt), nameof(Arrays.SpanIsEmpty),
    };

    public static IEnumerable<object[]> Kernels => Corpus.Kernels(typeof(Arrays), SpanKernels);

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Kernel_matches_csharp_on_edge_values(string name) => Corpus.Check(typeof(Arrays), name);

    [Fact]
    public void SmallTypes_matches_csharp_on_arrays_of_equal_length()
    {
        var rows = new[] { 0, 1, 5, 40 }.Select(n => new object?[]
        {
            Take(EdgeValues.SByte, n), Take(EdgeValues.Byte, n), Take(EdgeValues.Short, n),
            Take(EdgeValues.UShort, n), Take(EdgeValues.UInt, n), Take(EdgeValues.ULong, n),
        });
        Corpus.Check(typeof(Arrays), nameof(Arrays.SmallTypes), rows);
    }

    // Sums and differences wider than 32 bits: C# wraps them, and a wrapped index can land in range (MinValue + MinValue + 5
    // reads a[5]) or out of it (MaxValue + 1 throws). The backend computes such indices in 64 bits where that is exact.
    [Fact]
    public void Indices_that_wrap_at_32_bits_read_and_fail_as_csharp_does()
    {
        const int Min = int.MinValue, Max = int.MaxValue;
        var a = Enumerable.Range(0, 10).Select(i => i * 1.5).ToArray();
        var sums = new[] { (Min, Min + 5), (Min + 3, Min), (-1, -2), (Max, 1), (Max, Max), (Min, -1), (3, 4), (-3, 4), (4, -3), (9, 1), (Max - 5, 6) };
        var rows = sums.Select(p => new object?[] { a, p.Item1, p.Item2 }).ToList();
        Corpus.Check(typeof(Arrays), nameof(Arrays.AtSum), rows);
        var differences = new[] { (Min, Max), (Min + 2, Max), (Min, 1), (-1, Max), (5, Min), (0, Min), (Max, -1), (7, 2), (2, 7), (9, -1) };
        Corpus.Check(typeof(Arrays), nameof(Arrays.AtDifference), differences.Select(p => new object?[] { a, p.Item1, p.Item2 }).ToList());
        var grid = new int[4, 5];
        for (int i = 0; i < 4; i++) for (int j = 0; j < 5; j++) grid[i, j] = i * 10 + j;
        var cells = new[] { (1, 2, 4), (Min, Min + 3, 3), (0, Min, Max), (Max, 1, 0), (2, -1, 3), (0, 2, 1) };
        Corpus.Check(typeof(Arrays), nameof(Arrays.AtSum2D), cells.Select(c => new object?[] { grid, c.Item1, c.Item2, c.Item3 }).ToList());
        var windows = new[] { (0, 10), (3, 5), (8, 5), (-2, 5), (Max - 1, 4), (Min, 3), (5, -4), (0, 0) };
        Corpus.Check(typeof(Arrays), nameof(Arrays.WindowSum), windows.Select(w => new object?[] { a, w.Item1, w.Item2 }).ToList());
        // The widened path itself (counting locals, runtime/Backend/CountingLocals.cs) where it must keep the wrapped value.
        Corpus.Check(typeof(Arrays), nameof(Arrays.WrappedCounterIndex), new[] { new object?[] { a }, new object?[] { new double[2] } });
        Differential.Check(typeof(Arrays), nameof(Arrays.WrappedCounterIndex), a).ShouldBe(a[2] + 10 * a[1]);
    }

    private static T[] Take<T>(T[] values, int n) => Enumerable.Range(0, n).Select(i => values[(i * 7 + 3) % values.Length]).ToArray();

    private delegate double DoubleSpan(Span<double> s);
    private delegate double DoubleRoSpan(ReadOnlySpan<double> s);
    private delegate void FloatSpanScale(Span<float> s, float k);
    private delegate int IntRoSpanAt(ReadOnlySpan<int> s, int i);
    private delegate bool IntSpanIsEmpty(Span<int> s);

    public static IEnumerable<object[]> Lengths => new[] { 0, 1, 2, 7, 57 }.Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Span_kernels_match_csharp_on_whole_arrays_and_slices(int n)
    {
        var doubles = Enumerable.Range(0, n).Select(i => EdgeValues.Double[(i * 5) % EdgeValues.Double.Length]).ToArray();
        var sum = Differential.Pair<DoubleSpan>(typeof(Arrays), nameof(Arrays.SpanSum));
        var fold = Differential.Pair<DoubleRoSpan>(typeof(Arrays), nameof(Arrays.RoSpanForeach));
        foreach (var (start, length) in new[] { (0, n), (n / 2, n - n / 2), (Math.Min(1, n), Math.Max(0, n - 2)) })
        {
            Same(sum.Compiled(doubles.AsSpan(start, length)), sum.Original(doubles.AsSpan(start, length)));
            Same(fold.Compiled(doubles.AsSpan(start, length)), fold.Original(doubles.AsSpan(start, length)));
        }

        var floats = Enumerable.Range(0, n).Select(i => EdgeValues.Float[(i * 3) % EdgeValues.Float.Length]).ToArray();
        var scale = Differential.Pair<FloatSpanScale>(typeof(Arrays), nameof(Arrays.SpanScale));
        foreach (var k in new[] { 0f, -1f, 0.5f, float.NaN, float.PositiveInfinity })
        {
            var compiled = (float[])floats.Clone();
            var original = (float[])floats.Clone();
            scale.Compiled(compiled.AsSpan(n / 3), k);
            scale.Original(original.AsSpan(n / 3), k);
            Differential.AssertSame(compiled, original, 0, $"SpanScale n={n} k={k}", Differential.InputNaNs(new object[] { floats, k }));
        }

        var ints = Enumerable.Range(0, n).Select(i => EdgeValues.Int[i % EdgeValues.Int.Length]).ToArray();
        var at = Differential.Pair<IntRoSpanAt>(typeof(Arrays), nameof(Arrays.SpanAt));
        foreach (var i in new[] { -1, 0, 1, n - 1, n, n + 1, int.MaxValue, int.MinValue })
        {
            var expected = Outcome(() => at.Original(ints, i));
            Outcome(() => at.Compiled(ints, i)).ShouldBe(expected, $"SpanAt n={n} i={i}");
        }
        var empty = Differential.Pair<IntSpanIsEmpty>(typeof(Arrays), nameof(Arrays.SpanIsEmpty));
        empty.Compiled(ints).ShouldBe(empty.Original(ints));
        empty.Compiled(ints.AsSpan(n)).ShouldBe(empty.Original(ints.AsSpan(n)));
    }

    private static void Same(double compiled, double original) =>
        BitConverter.DoubleToInt64Bits(compiled).ShouldBe(BitConverter.DoubleToInt64Bits(original), $"compiled {compiled:R} original {original:R}");

    /// <summary>The value, or the exception type and message, as one comparable string.</summary>
    private static string Outcome(Func<int> f)
    {
        try
        {
            return "value " + f();
        }
        catch (Exception ex)
        {
            return ex.GetType().Name + ": " + ex.Message;
        }
    }

    [Fact]
    public void Out_of_range_and_null_arrays_throw_as_csharp_does()
    {
        Should.Throw<IndexOutOfRangeException>(() => Arrays.At(new double[3], 3));
        Should.Throw<IndexOutOfRangeException>(() => Arrays.At2D(new double[2, 2], 0, -1));
        Should.Throw<IndexOutOfRangeException>(() => Arrays.GetLengthOf(new int[2, 2], 2));
        Should.Throw<NullReferenceException>(() => Arrays.Sum(null!));
        Arrays.Sum(Array.Empty<double>()).ShouldBe(0);
    }
}
