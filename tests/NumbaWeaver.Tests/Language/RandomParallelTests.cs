// Numba.Random in Prange loops: each chunk draws from a stream of the loop seed, so results repeat for a seed and thread count.
using System;
using System.Linq;
using Kernels.Fixture;
using NumbaWeaver.Tests.Parallel;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Language;

[Collection(ParallelCollection.Name)]
public class RandomParallelTests
{
    private static T With<T>(int threads, long chunk, Func<T> body)
    {
        Numba.SetNumThreads(threads);
        long old = Numba.SetParallelChunkSize(chunk);
        try
        {
            return body();
        }
        finally
        {
            Numba.SetNumThreads(Math.Min(2, Numba.MaxThreads));
            Numba.SetParallelChunkSize(old);
        }
    }

    private static (double[] Values, double After) Draws(ulong seed, int n)
    {
        var values = new double[n];
        double after = LanguageRandom.ParallelDraws(seed, values);
        return (values, after);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(4, 0)]
    [InlineData(2, 7)]
    public void A_seeded_parallel_loop_repeats_for_a_seed_and_thread_count(int threads, long chunk)
    {
        const int n = 20_000;
        var first = With(threads, chunk, () => Draws(42, n));
        for (int run = 0; run < 4; run++)
        {
            var again = With(threads, chunk, () => Draws(42, n));
            again.Values.ShouldBe(first.Values);
            again.After.ShouldBe(first.After);
        }
        With(threads, chunk, () => Draws(43, n)).Values.ShouldNotBe(first.Values);
        // Each iteration got a number in [0, 1) (stored as i + u), and chunks do not repeat each other's numbers.
        var units = first.Values.Select((v, i) => v - i).ToArray();
        units.ShouldAllBe(u => u >= 0 && u < 1);
        units.Distinct().Count().ShouldBe(n);
        units.Average().ShouldBe(0.5, 0.02);
    }

    [Fact]
    public void The_callers_generator_continues_after_the_loop_as_one_draw_for_the_loop_seed()
    {
        var (_, after) = With(2, 0, () => Draws(7, 1000));
        Numba.Random.Seed(7);
        Numba.Random.NextUInt64(); // the loop seed
        after.ShouldBe(Numba.Random.NextDouble());
    }

    [Fact]
    public void Parallel_Monte_Carlo_pi_is_reproducible_and_close()
    {
        double a = With(2, 0, () => LanguageRandom.ParallelPi(5, 1_000_000));
        double b = With(2, 0, () => LanguageRandom.ParallelPi(5, 1_000_000));
        a.ShouldBe(b);
        a.ShouldBe(Math.PI, 0.01);
    }
}
