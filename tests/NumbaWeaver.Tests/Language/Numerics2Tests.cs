// Differential tests of System.Numerics.Quaternion, Matrix4x4 and Complex division in [Njit] code (LanguageNumerics2), bit for bit, edge inputs included.
extern alias weaver;

using System;
using System.Linq;
using System.Numerics;
using System.Runtime.CompilerServices;
using Kernels.Fixture;
using Mono.Cecil;
using Shouldly;
using Xunit;
using D = NumbaWeaver.Tests.Differential.Differential;

namespace NumbaWeaver.Tests.Language;

public class Numerics2Tests
{
    private static readonly Type K = typeof(LanguageNumerics2);

    /// <summary>Components with signed zeros, subnormals, huge values and infinities besides ordinary ones.</summary>
    private static readonly float[] Special = { 0f, -0f, 1f, -1f, 1e-40f, 3e38f, -3e38f, 0.1f, 1e-20f, float.PositiveInfinity };

    private static float F(Random rng, float scale) => (float)(rng.NextDouble() * 2 - 1) * scale;

    private static float Edgy(Random rng, float scale) => rng.Next(4) == 0 ? Special[rng.Next(Special.Length)] : F(rng, scale);

    private static Vector3[] Points(int n, int seed, float scale, bool edges)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => edges
            ? new Vector3(Edgy(rng, scale), Edgy(rng, scale), Edgy(rng, scale))
            : new Vector3(F(rng, scale), F(rng, scale), F(rng, scale))).ToArray();
    }

    [Theory]
    [InlineData(0.7f, 1)]
    [InlineData(-3.1f, 2)]
    [InlineData(0f, 3)]
    [InlineData(1e6f, 4)] // a large angle: sinf/cosf argument reduction
    [InlineData(float.NaN, 5)]
    public void Rotating_points_by_an_axis_angle_quaternion(float angle, int seed)
    {
        D.Check(K, nameof(LanguageNumerics2.RotatePoints), Points(200, seed, 10f, edges: false), new Vector3(0.3f, -1f, 2f), angle);
        D.Check(K, nameof(LanguageNumerics2.RotatePoints), Points(200, seed, 10f, edges: true), new Vector3(1f, 0f, 0f), angle);
    }

    [Theory]
    [InlineData(1, 0.01f)]
    [InlineData(2, 0.5f)]
    public void Integrating_angular_velocity_into_an_orientation(int seed, float dt) =>
        D.Check(K, nameof(LanguageNumerics2.IntegrateOrientation), Points(300, seed, 4f, edges: false), new Quaternion[300], dt);

    [Fact]
    public void Integration_with_extreme_rates()
    {
        var rates = Points(60, 9, 1f, edges: true);
        D.Check(K, nameof(LanguageNumerics2.IntegrateOrientation), rates, new Quaternion[rates.Length], 0.1f);
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(4, true)]
    public void Inverse_conjugate_dot_and_length_of_relative_rotations(int seed, bool edges)
    {
        var rng = new Random(seed);
        var orientations = Enumerable.Range(0, 120).Select(_ => edges
            ? new Quaternion(Edgy(rng, 2f), Edgy(rng, 2f), Edgy(rng, 2f), Edgy(rng, 2f))
            : new Quaternion(F(rng, 2f), F(rng, 2f), F(rng, 2f), F(rng, 2f))).ToArray();
        // Tiny quaternions (squared length at or below 2^-23) take Inverse's zero branch.
        orientations[5] = new Quaternion(1e-4f, 0f, 0f, 0f);
        orientations[6] = new Quaternion(0f, 0f, 3.4526698e-4f, 0f); // squared length next to the threshold
        orientations[7] = default;
        orientations[8] = new Quaternion(float.NaN, 1f, -2f, 0.5f); // Conjugate multiplies by -1: a NaN keeps its sign
        orientations[9] = new Quaternion(0.5f, -float.NaN, 1f, float.NaN);
        D.Check(K, nameof(LanguageNumerics2.RelativeRotations), orientations, new Quaternion[orientations.Length]);
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(6, true)]
    public void Slerp_between_near_opposite_equal_and_random_rotations(int seed, bool edges)
    {
        var rng = new Random(seed);
        int n = 3000;
        Quaternion Random4() => edges
            ? new Quaternion(Edgy(rng, 1f), Edgy(rng, 1f), Edgy(rng, 1f), Edgy(rng, 1f))
            : Quaternion.Normalize(new Quaternion(F(rng, 1f), F(rng, 1f), F(rng, 1f), F(rng, 1f)));
        var from = Enumerable.Range(0, n).Select(_ => Random4()).ToArray();
        var to = from.Select((q, i) => (i % 5) switch
        {
            0 => q,                                                       // cos = 1: the linear branch
            1 => -q,                                                      // opposite: the flip
            2 => Quaternion.Normalize(q + new Quaternion(1e-4f, 0, 0, 0)), // within 1e-6 of parallel
            _ => Random4(),
        }).ToArray();
        var amounts = Enumerable.Range(0, n).Select(i => i % 7 == 0 ? (i % 2 == 0 ? 0f : 1f) : (float)rng.NextDouble() * 1.5f - 0.25f).ToArray();
        D.Check(K, nameof(LanguageNumerics2.SlerpAll), from, to, amounts, new Quaternion[n]);
    }

    [Fact]
    public void Rotation_results_are_real_rotations()
    {
        // Guards against a lowering that is consistently wrong on both sides: a quarter turn about Z maps X to Y.
        var points = new[] { Vector3.UnitX };
        LanguageNumerics2.RotatePoints(points, Vector3.UnitZ, MathF.PI / 2);
        Assert.InRange(points[0].Y, 0.999f, 1.001f);
        Assert.InRange(MathF.Abs(points[0].X), 0f, 1e-6f);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Filter_response_with_complex_division(int seed)
    {
        var rng = new Random(seed);
        int n = 256;
        var angles = Enumerable.Range(0, n).Select(k => Math.PI * k / (n - 1)).ToArray();
        var b = Enumerable.Range(0, 5).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var a = new[] { 1.0, -1.2 + 0.1 * seed, 0.64, -0.1, rng.NextDouble() * 0.01 };
        D.Check(K, nameof(LanguageNumerics2.FilterResponse), b, a, angles.Select(Math.Cos).ToArray(), angles.Select(Math.Sin).ToArray(), new Complex[n]);
    }

    /// <summary>Parts that take each branch of Smith's algorithm and each special case of division by a double.</summary>
    private static readonly double[] Parts = { 0.0, -0.0, 1.0, -2.5, 3e-310, 1e300, -1e-300, 7.25, double.PositiveInfinity, double.NegativeInfinity, double.NaN };

    [Fact]
    public void Complex_division_on_every_pair_of_special_parts()
    {
        foreach (var ar in Parts)
            foreach (var ai in Parts)
                foreach (var (br, bi) in new[] { (2.0, 0.5), (0.5, 2.0), (1.0, 1.0), (-0.0, 0.0), (1e-300, 1e300), (double.NaN, 1.0), (ar, ai) })
                {
                    D.Check(K, nameof(LanguageNumerics2.Quotient), new Complex(ar, ai), new Complex(br, bi));
                    D.Check(K, nameof(LanguageNumerics2.Quotient), new Complex(br, bi), new Complex(ar, ai));
                }
        foreach (var ar in Parts)
            foreach (var ai in Parts)
                foreach (var s in Parts)
                    D.Check(K, nameof(LanguageNumerics2.QuotientByDouble), new Complex(ar, ai), s);
    }

    [Fact]
    public void Complex_division_by_zero_gives_NaN_parts_as_in_dotnet()
    {
        // .NET's Complex / 0.0 is (NaN, NaN), not IEEE's (inf, inf): a plain element-wise division would differ.
        var q = LanguageNumerics2.QuotientByDouble(new Complex(1, 1), 0.0);
        Assert.True(double.IsNaN(q.Real) && double.IsNaN(q.Imaginary));
    }

    [Theory]
    [InlineData(1.0, 2.0, -3.0, 0.5, 2.0)]
    [InlineData(1e200, -1e200, 1e-200, 3e-200, -0.0)]
    [InlineData(0.0, 0.0, 0.0, 0.0, 0.0)]
    [InlineData(double.PositiveInfinity, 1.0, 2.0, double.NaN, 3.0)]
    public void Complex_division_overloads_combined(double ar, double ai, double br, double bi, double s) =>
        D.Check(K, nameof(LanguageNumerics2.ComplexDivisions), new Complex(ar, ai), new Complex(br, bi), s);

    private static Matrix4x4 RandomMatrix(Random rng, bool edges)
    {
        var m = new Matrix4x4();
        for (int r = 0; r < 4; r++)
            for (int c = 0; c < 4; c++)
                m[r, c] = edges ? Edgy(rng, 3f) : F(rng, 3f);
        return m;
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void Transforming_a_point_cloud_by_4x4_matrices(int seed, bool edges)
    {
        var rng = new Random(seed);
        var homogeneous = Enumerable.Range(0, 100).Select(_ => new Vector4(F(rng, 5f), Edgy(rng, 5f), F(rng, 5f), 1f)).ToArray();
        D.Check(K, nameof(LanguageNumerics2.TransformPointCloud), Points(300, seed, 20f, edges), homogeneous, RandomMatrix(rng, edges), RandomMatrix(rng, edges));
    }

    [Fact]
    public void Matrix_transform_translates_points()
    {
        // A translation matrix moves a point: guards against a transposed lowering that both sides would share.
        var points = new[] { new Vector3(1f, 2f, 3f) };
        LanguageNumerics2.TransformPointCloud(points, Array.Empty<Vector4>(), Matrix4x4.CreateTranslation(10f, 0f, 0f), Matrix4x4.Identity);
        // combined = T * I + I, with M44 = 1 and M12 += 0: x' = 2*1 + 10 = 12.
        Assert.Equal(12f, points[0].X);
    }

    [Fact]
    public void Quaternion_and_Matrix4x4_map_to_their_fixed_layouts()
    {
        var module = ModuleDefinition.ReadModule(typeof(Numerics2Tests).Assembly.Location);
        var quaternion = weaver::NumbaWeaver.Weaving.Frontend.TypeMapper.Map(module.ImportReference(typeof(Quaternion)))!;
        quaternion.SizeInBytes.ShouldBe(Unsafe.SizeOf<Quaternion>());
        var matrix = weaver::NumbaWeaver.Weaving.Frontend.TypeMapper.Map(module.ImportReference(typeof(Matrix4x4)))!;
        matrix.SizeInBytes.ShouldBe(Unsafe.SizeOf<Matrix4x4>());
        matrix.Fields.Count.ShouldBe(16);
    }
}
