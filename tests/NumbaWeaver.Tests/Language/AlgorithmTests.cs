// Differential tests of ported algorithms: LU with partial pivoting, an RK4 integration, a DDA ray cast.
using System;
using System.Linq;
using Kernels.Fixture;
using Shouldly;
using Xunit;
using D = NumbaWeaver.Tests.Differential.Differential;

namespace NumbaWeaver.Tests.Language;

public class AlgorithmTests
{
    private static readonly Type K = typeof(LanguageAlgorithms);

    private delegate void Rk4(Span<double> state, double t, double h, Span<double> scratch);

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(17)]
    public void Lu_decomposition_matches_and_reconstructs(int n)
    {
        var rng = new Random(n);
        var a = new double[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i, j] = rng.NextDouble() * 2 - 1;
        D.Check(K, nameof(LanguageAlgorithms.LuDecompose), a, new int[n]);

        var lu = (double[,])a.Clone();
        var p = new int[n];
        LanguageAlgorithms.LuDecompose(lu, p);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int k = 0; k <= Math.Min(i, j); k++) s += (k == i ? 1 : lu[i, k]) * lu[k, j];
                s.ShouldBe(a[p[i], j], 1e-9);
            }
    }

    [Fact]
    public void Lu_errors_are_the_same_exceptions()
    {
        D.Check(K, nameof(LanguageAlgorithms.LuDecompose), new double[2, 3], new int[2]);
        D.Check(K, nameof(LanguageAlgorithms.LuDecompose), new double[3, 3], new int[2]);
        D.Check(K, nameof(LanguageAlgorithms.LuDecompose), new double[,] { { 1, 2 }, { 2, 4 } }, new int[2]);
        Should.Throw<InvalidOperationException>(() => LanguageAlgorithms.LuDecompose(new double[,] { { 1, 2 }, { 2, 4 } }, new int[2]))
            .Message.ShouldStartWith("the matrix is singular at column 1");
    }

    [Fact]
    public void Rk4_trajectory_is_bit_identical()
    {
        var (compiled, original) = D.Pair<Rk4>(K, nameof(LanguageAlgorithms.Rk4Step));
        double[] a = { 1, 0 }, b = { 1, 0 };
        var scratch = new double[8];
        for (int i = 0; i < 1000; i++)
        {
            compiled(a, i * 0.01, 0.01, scratch);
            original(b, i * 0.01, 0.01, scratch);
        }
        BitConverter.DoubleToInt64Bits(a[0]).ShouldBe(BitConverter.DoubleToInt64Bits(b[0]));
        BitConverter.DoubleToInt64Bits(a[1]).ShouldBe(BitConverter.DoubleToInt64Bits(b[1]));
        Should.Throw<ArgumentException>(() => compiled(new double[3], 0, 0.1, scratch)).Message.ShouldBe("state needs 2 values and scratch 8");
    }

    [Fact]
    public void Ray_cast_hits_the_same_cells()
    {
        var rng = new Random(4);
        var grid = new byte[32, 48];
        for (int i = 0; i < 150; i++) grid[rng.Next(32), rng.Next(48)] = 1;
        int hits = 0;
        for (int r = 0; r < 200; r++)
        {
            double angle = rng.NextDouble() * 2 * Math.PI;
            double dx = r % 17 == 0 ? 0 : Math.Cos(angle), dy = r % 13 == 0 ? 0 : Math.Sin(angle);
            var hit = (int)D.Check(K, nameof(LanguageAlgorithms.RayCast), grid, 24.5, 16.25, dx, dy, 200)!;
            if (hit >= 0) hits++;
        }
        hits.ShouldBeGreaterThan(0);
    }
}
