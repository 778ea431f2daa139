// Numba.Random: compiled and original C# draw bit-identical numbers from the same per-thread state; bounds and statistics hold.
using System;
using System.Linq;
using System.Threading;
using Kernels.Fixture;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Language;

public class RandomTests
{
    private static readonly Type K = typeof(LanguageRandom);

    private static object? Check(string name, params object?[] args) => Differential.Differential.Check(K, name, args);

    [Theory]
    [InlineData(1UL, 1000)]
    [InlineData(0xDEADBEEFUL, 20000)]
    public void Seeded_kernels_match_the_original_bit_for_bit(ulong seed, int n)
    {
        Check(nameof(LanguageRandom.MonteCarloPi), seed, n);
        Check(nameof(LanguageRandom.RandomWalk), seed, new double[n], 0.01);
        Check(nameof(LanguageRandom.NormalMoments), seed, n, new double[2]);
        Check(nameof(LanguageRandom.UniformMoments), seed, n, -3.0, 7.5, new double[2]);
        Check(nameof(LanguageRandom.DiceHistogram), seed, n, new long[6]);
        Check(nameof(LanguageRandom.Shuffle), seed, Enumerable.Range(0, n).ToArray());
        Check(nameof(LanguageRandom.SumOfHelperDraws), seed, n);
        Check(nameof(LanguageRandom.BoundedSum), seed, n, -5, 1000, long.MinValue / 3, long.MaxValue, new int[2]);
    }

    private delegate void ContinueKernel(ulong[] bits, double[] units, double[] normals, int[] ints, long[] longs, int lo, int hi, long lo64, long hi64);

    [Fact]
    public void Managed_and_compiled_code_share_the_thread_state()
    {
        const int n = 257;
        var (compiled, original) = Differential.Differential.Pair<ContinueKernel>(K, nameof(LanguageRandom.Continue));
        (ulong[], double[], double[], int[], long[]) Run(ContinueKernel kernel)
        {
            var r = (new ulong[n], new double[n], new double[n], new int[n], new long[n]);
            Numba.Random.Seed(77);
            Numba.Random.NextDouble(); // a managed draw first: the compiled code must continue after it
            kernel(r.Item1, r.Item2, r.Item3, r.Item4, r.Item5, int.MinValue, int.MaxValue, -3, 1L << 40);
            return r;
        }
        var c = Run(compiled);
        var o = Run(original);
        c.Item1.ShouldBe(o.Item1);
        c.Item2.Select(BitConverter.DoubleToInt64Bits).ShouldBe(o.Item2.Select(BitConverter.DoubleToInt64Bits));
        c.Item3.Select(BitConverter.DoubleToInt64Bits).ShouldBe(o.Item3.Select(BitConverter.DoubleToInt64Bits));
        c.Item4.ShouldBe(o.Item4);
        c.Item5.ShouldBe(o.Item5);
        c.Item1.Distinct().Count().ShouldBe(n);

        // And what compiled code leaves behind is where managed draws continue.
        Numba.Random.Seed(5);
        compiled(new ulong[3], new double[3], new double[3], new int[3], new long[3], 0, 10, 0, 10);
        ulong afterCompiled = Numba.Random.NextUInt64();
        Numba.Random.Seed(5);
        original(new ulong[3], new double[3], new double[3], new int[3], new long[3], 0, 10, 0, 10);
        Numba.Random.NextUInt64().ShouldBe(afterCompiled);
    }

    [Fact]
    public void The_same_seed_gives_the_same_sequence_and_different_seeds_differ()
    {
        var a = new double[64];
        var b = new double[64];
        var c = new double[64];
        LanguageRandom.RandomWalk(3, a, 0);
        LanguageRandom.RandomWalk(3, b, 0);
        LanguageRandom.RandomWalk(4, c, 0);
        a.ShouldBe(b);
        a.Zip(c).Count(p => p.First == p.Second).ShouldBeLessThan(2);
    }

    [Fact]
    public void Threads_have_independent_generators()
    {
        // Thread A seeds, draws, then waits while thread B seeds and draws a lot; A's next draws
        // continue its own sequence, untouched by B.
        using var aDrew = new ManualResetEventSlim();
        using var bDrew = new ManualResetEventSlim();
        double[] first = new double[100], second = new double[100], reference = new double[200];
        var a = new Thread(() =>
        {
            LanguageRandom.MonteCarloPi(11, 1); // seeds 11, draws 2 numbers
            for (int i = 0; i < first.Length; i++) first[i] = LanguageRandom.SumUniforms(1);
            aDrew.Set();
            bDrew.Wait();
            for (int i = 0; i < second.Length; i++) second[i] = LanguageRandom.SumUniforms(1);
        });
        var b = new Thread(() =>
        {
            aDrew.Wait();
            LanguageRandom.MonteCarloPi(999, 100_000);
            bDrew.Set();
        });
        a.Start();
        b.Start();
        a.Join();
        b.Join();
        Numba.Random.Seed(11);
        Numba.Random.NextDouble();
        Numba.Random.NextDouble();
        for (int i = 0; i < reference.Length; i++) reference[i] = Numba.Random.NextDouble();
        first.Concat(second).ShouldBe(reference);
    }

    [Fact]
    public void Unseeded_threads_draw_different_streams()
    {
        var values = new ulong[4];
        var threads = Enumerable.Range(0, values.Length).Select(k => new Thread(() => values[k] = Numba.Random.NextUInt64())).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        values.Distinct().Count().ShouldBe(values.Length);
    }

    [Fact]
    public void Uniform_and_normal_moments_of_a_million_draws()
    {
        const int n = 1_000_000;
        var u = new double[2];
        LanguageRandom.UniformMoments(2024, n, 0, 1, u);
        u[0].ShouldBe(0.5, 0.002);          // standard error 0.00029
        u[1].ShouldBe(1.0 / 12, 0.001);     // standard error 0.00007
        var z = new double[2];
        LanguageRandom.NormalMoments(2024, n, z);
        z[0].ShouldBe(0.0, 0.006);          // standard error 0.001
        z[1].ShouldBe(1.0, 0.01);           // standard error 0.0014
        LanguageRandom.MonteCarloPi(2024, n).ShouldBe(Math.PI, 0.01); // standard error 0.0016
    }

    [Fact]
    public void Dice_are_fair()
    {
        const int n = 600_000;
        var counts = new long[6];
        LanguageRandom.DiceHistogram(8, n, counts);
        counts.Sum().ShouldBe(n);
        foreach (long c in counts) ((double)c).ShouldBe(n / 6.0, 5 * Math.Sqrt(n * (1 / 6.0) * (5 / 6.0)));
    }

    [Fact]
    public void A_shuffle_is_a_permutation()
    {
        var a = Enumerable.Range(0, 1000).ToArray();
        LanguageRandom.Shuffle(9, a);
        a.OrderBy(x => x).ShouldBe(Enumerable.Range(0, 1000));
        a.Where((x, i) => x == i).Count().ShouldBeLessThan(10);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-3, 4)]
    [InlineData(int.MinValue, int.MaxValue)]
    [InlineData(int.MaxValue - 2, int.MaxValue)]
    public void NextInt_stays_within_its_bounds(int lo, int hi)
    {
        var minMax = new int[2];
        LanguageRandom.BoundedSum(21, 100_000, lo, hi, 0, 1, minMax);
        minMax[0].ShouldBeGreaterThanOrEqualTo(lo);
        minMax[1].ShouldBeLessThan(hi);
        if ((long)hi - lo <= 7)
        {
            minMax[0].ShouldBe(lo);     // every value is drawn
            minMax[1].ShouldBe(hi - 1);
        }
    }

    [Fact]
    public void NextLong_spans_the_full_range()
    {
        var (compiled, _) = Differential.Differential.Pair<ContinueKernel>(K, nameof(LanguageRandom.Continue));
        const int n = 10_000;
        var longs = new long[n];
        Numba.Random.Seed(1);
        compiled(new ulong[n], new double[n], new double[n], new int[n], longs, 0, 1, long.MinValue, long.MaxValue);
        longs.Min().ShouldBeLessThan(long.MinValue / 2);
        longs.Max().ShouldBeGreaterThan(long.MaxValue / 2);
        compiled(new ulong[n], new double[n], new double[n], new int[n], longs, 0, 1, -2, 1);
        longs.Distinct().OrderBy(x => x).ShouldBe(new long[] { -2, -1, 0 });
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(5, -5)]
    public void An_empty_range_throws_as_the_original(int lo, int hi)
    {
        Check(nameof(LanguageRandom.BoundedSum), 1UL, 10, lo, hi, 0L, 1L, new int[2]);
        Check(nameof(LanguageRandom.BoundedSum), 1UL, 10, 0, 1, (long)hi, (long)lo, new int[2]);
        var ex = Should.Throw<ArgumentOutOfRangeException>(() => LanguageRandom.BoundedSum(1, 10, lo, hi, 0, 1, new int[2]));
        ex.ParamName.ShouldBe("hiExclusive");
        ex.StackTrace!.ShouldNotContain("nj_original");
    }
}

/// <summary>Object code that draws, loaded by the disk cache's own ELF loader, binds to the runtime's state symbol.</summary>
public unsafe class RandomCachedObjectTests
{
    [Fact]
    public void A_loaded_draw_continues_the_managed_sequence()
    {
        var (module, tag) = NumbaWeaver.Tests.Backend.BackendHarness.Parse([NumbaWeaver.Tests.Backend.BackendHarness.Func("T$::Draw", "f64", "entry", [],
            "callintrinsic n=\"Random.NextDouble()\"", "ret")]);
        string name = "T" + tag + "::Draw";
        var code = NumbaWeaver.Compiler.CompilePipeline.CompileToObject(module, name, NumbaWeaver.Cache.CompileSettings.Defaults);
        var f = (delegate* unmanaged<double*, int>)NumbaWeaver.Cache.ObjectLoader.Load(code, NumbaWeaver.Backend.NativeSymbols.For(name));
        Numba.Random.Seed(123);
        double r;
        f(&r).ShouldBe(0);
        double second = Numba.Random.NextDouble();
        Numba.Random.Seed(123);
        r.ShouldBe(Numba.Random.NextDouble());
        Numba.Random.NextDouble().ShouldBe(second);
    }
}
