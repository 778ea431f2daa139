// Differential tests of allocating kernels: returned arrays bit for bit, scratch arrays, stackalloc, Fill/Clear/CopyTo, exceptions.
using System;
using System.Linq;
using System.Numerics;
using System.Reflection;
using Kernels.Fixture;
using NumbaWeaver.Dispatch;
using Shouldly;
using Xunit;
using D = NumbaWeaver.Tests.Differential.Differential;

namespace NumbaWeaver.Tests.Language;

public class AllocationTests
{
    private static readonly Type K = typeof(LanguageAllocation);

    private static double[] Wave(int n) => Enumerable.Range(0, n).Select(i => Math.Sin(i * 0.37) * 10 + i * 0.01).ToArray();

    private static double[,] Grid(int rows, int cols, double seed)
    {
        var g = new double[rows, cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) g[i, j] = Math.Cos(seed + i * 1.3 + j * 0.7);
        return g;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(1000)]
    public void New_arrays_returned_to_the_caller(int n)
    {
        var x = Wave(n);
        D.Check(K, nameof(LanguageAllocation.CumulativeSum), x).ShouldBeOfType<double[]>().Length.ShouldBe(n);
        D.Check(K, nameof(LanguageAllocation.Normalize), x);
        D.Check(K, nameof(LanguageAllocation.MovingAverage), x, 5);
        D.Check(K, nameof(LanguageAllocation.FillClearCopy), x, 2.5);
        D.Check(K, nameof(LanguageAllocation.ClearAndCopyBack), x.Select(v => (float)v).ToArray());
        D.Check(K, nameof(LanguageAllocation.SmoothTwice), x);
        D.Check(K, nameof(LanguageAllocation.Letters), n);
        D.Check(K, nameof(LanguageAllocation.Sieve), n);
    }

    [Fact]
    public void The_compiled_kernel_really_ran()
    {
        // Without this the differential checks above could compare the twin with itself.
        LanguageAllocation.CumulativeSum(Wave(3));
        var field = K.GetFields(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)
            .Single(f => f.Name.StartsWith("<CumulativeSum>nj_entry_", StringComparison.Ordinal));
        ((nint)field.GetValue(null)!).ShouldNotBe(0);
        ((nint)field.GetValue(null)!).ShouldNotBe(-1);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(3, 4, 5)]
    [InlineData(16, 9, 7)]
    [InlineData(0, 3, 2)]
    public void Two_dimensional_result_of_a_matrix_product(int n, int k, int m)
    {
        var c = D.Check(K, nameof(LanguageAllocation.MatMul), Grid(n, k, 0.5), Grid(k, m, 1.5)).ShouldBeOfType<double[,]>();
        c.GetLength(0).ShouldBe(n);
        c.GetLength(1).ShouldBe(m);
    }

    [Fact]
    public void Three_dimensional_allocation()
    {
        var cube = D.Check(K, nameof(LanguageAllocation.Cube), 3, 4, 5).ShouldBeOfType<int[,,]>();
        (cube.GetLength(0), cube.GetLength(1), cube.GetLength(2)).ShouldBe((3, 4, 5));
        cube[2, 3, 4].ShouldBe(234);
    }

    [Fact]
    public void Two_dimensional_clear_and_a_new_grid()
    {
        D.Check(K, nameof(LanguageAllocation.ClearGrid), Grid(5, 3, 2.0), 1.25).ShouldBeOfType<double[,]>().GetLength(1).ShouldBe(3);
    }

    [Theory]
    [InlineData(0, 4)]
    [InlineData(1000, 7)]
    [InlineData(5000, 64)]
    public void Histograms_with_a_local_counts_array(int n, int bins)
    {
        var x = Wave(n);
        D.Check(K, nameof(LanguageAllocation.HistogramChecksum), x, bins, -10.0, 10.0);
        var counts = D.Check(K, nameof(LanguageAllocation.Histogram), x, bins, -10.0, 10.0).ShouldBeOfType<int[]>();
        counts.Length.ShouldBe(bins);
        counts.Sum().ShouldBe(x.Count(v => (int)((v + 10.0) / (20.0 / bins)) is var b && b >= 0 && b < bins));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(29)]
    public void Stackalloc_buffers(int n)
    {
        D.Check(K, nameof(LanguageAllocation.StackSmallBuffer), Wave(n));
        D.Check(K, nameof(LanguageAllocation.StackVariable), n);
        D.Check(K, nameof(LanguageAllocation.StackInLoop), n);
    }

    [Fact]
    public void A_large_variable_stackalloc_does_not_overflow_the_stack()
    {
        // 64 Mi ints would overflow any thread's stack in C#; compiled code takes GC memory for variable sizes.
        D.Check(K, nameof(LanguageAllocation.StackVariable), 30);
        LanguageAllocation.StackVariable(1 << 26).ShouldNotBe(0);
        Allocations.Enter().ShouldBe(0);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(10, 3)]
    [InlineData(300, 40)]
    public void Allocation_in_a_loop(int n, int m) => D.Check(K, nameof(LanguageAllocation.AllocateInLoop), n, m);

    [Theory]
    [InlineData(0, 8)]
    [InlineData(1, 1)]
    [InlineData(2000, 64)]
    public void Allocation_inside_a_Prange_body(int n, int m) => D.Check(K, nameof(LanguageAllocation.ParallelScratch), n, m);

    [Fact]
    public void Allocating_kernels_called_from_many_threads_at_once()
    {
        var expected = (double[])D.Twin(K, nameof(LanguageAllocation.ParallelScratch)).Invoke(null, [300, 16])!;
        var sums = new double[8][];
        System.Threading.Tasks.Parallel.For(0, sums.Length, t =>
        {
            for (int r = 0; r < 50; r++) sums[t] = LanguageAllocation.ParallelScratch(300, 16);
        });
        foreach (var s in sums) D.AssertSame(s, expected, 0, "result of a concurrent call");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1000)]
    public void A_helper_returns_an_array_to_a_compiled_caller(int n) => D.Check(K, nameof(LanguageAllocation.SumOfSquares), n);

    [Fact]
    public void Returning_an_argument_gives_back_the_same_object()
    {
        var x = Wave(6);
        LanguageAllocation.SameOrCopy(x, false).ShouldBeSameAs(x);
        var copy = LanguageAllocation.SameOrCopy(x, true);
        copy.ShouldNotBeSameAs(x);
        D.AssertSame(copy, x, 0, "copy");
        LanguageAllocation.TheWeights().ShouldBeSameAs(LanguageAllocation.Weights);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    [InlineData(0)]
    public void Array_lengths_fail_as_in_CSharp(int n)
    {
        D.Check(K, nameof(LanguageAllocation.NewOfLength), n);
        D.Check(K, nameof(LanguageAllocation.NewGrid), n, 2);
        D.Check(K, nameof(LanguageAllocation.NewGrid), 3, n);
        D.Check(K, nameof(LanguageAllocation.NewOfLongLength), (long)n);
    }

    [Fact]
    public void A_negative_length_throws_OverflowException()
    {
        var ex = Should.Throw<OverflowException>(() => LanguageAllocation.NewOfLength(-1));
        ex.Message.ShouldBe(new OverflowException().Message);
        Should.Throw<OverflowException>(() => LanguageAllocation.NewOfLongLength(1L << 40));
        Should.Throw<OutOfMemoryException>(() => LanguageAllocation.NewOfLength(int.MaxValue));
        // C# crashes on stackalloc of a negative length (a huge localloc); compiled code throws instead.
        Should.Throw<OverflowException>(() => LanguageAllocation.StackVariable(-1));
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(3, 5)]
    [InlineData(3, 2)]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    public void CopyTo_a_short_destination_throws_as_dotnet(int source, int destination)
    {
        D.Check(K, nameof(LanguageAllocation.CopyInto), Wave(source), destination);
        if (destination < source)
        {
            var ex = Should.Throw<ArgumentException>(() => LanguageAllocation.CopyInto(Wave(source), destination));
            ex.Message.ShouldBe("Destination is too short. (Parameter 'destination')");
            ex.ParamName.ShouldBe("destination");
        }
    }

    [Fact]
    public void Generic_kernel_allocates_a_new_T_array_per_type_argument()
    {
        RunningSumsCase(new[] { 1.5, -2.25, 3.0, double.NaN, 4.0 });
        RunningSumsCase(new[] { int.MaxValue, 1, -7, 40 }); // wraps as C# does
        RunningSumsCase(new byte[] { 200, 100, 3 });
        RunningSumsCase(Array.Empty<float>());
    }

    private static void RunningSumsCase<T>(T[] x) where T : INumber<T>
    {
        MethodInfo Open(string name) => K.GetMethods(D.AnyStatic).Single(m => m.Name == name && m.IsGenericMethodDefinition);
        var compiled = Open(nameof(LanguageAllocation.RunningSums)).MakeGenericMethod(typeof(T)).CreateDelegate<Func<T[], T[]>>();
        var original = Open("<" + nameof(LanguageAllocation.RunningSums) + ">nj_original").MakeGenericMethod(typeof(T)).CreateDelegate<Func<T[], T[]>>();
        var result = compiled(x);
        result.ShouldNotBeSameAs(x);
        D.AssertSame(result, original(x), 0, $"RunningSums<{typeof(T).Name}>", D.InputNaNs(new object[] { x }));
    }
}
