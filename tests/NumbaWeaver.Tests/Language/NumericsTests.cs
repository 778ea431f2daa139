// Differential tests of System.Numerics in [Njit] code (LanguageNumerics): Vector2/3/4 and Complex bit for bit, ThrowIfNull, refusals.
extern alias weaver;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Runtime.CompilerServices;
using Kernels.Fixture;
using Mono.Cecil;
using Shouldly;
using Xunit;
using NumbaWeaver.Tests.Weaver;
using D = NumbaWeaver.Tests.Differential.Differential;

namespace NumbaWeaver.Tests.Language;

public class NumericsTests
{
    private static readonly Type K = typeof(LanguageNumerics);

    /// <summary>Components that exercise signed zeros, tiny and huge values besides ordinary ones.</summary>
    private static readonly float[] Special = { 0f, -0f, 1f, -2.5f, 1e-40f, 3e38f, 0.1f, -7f };

    private static Vector3[] Vectors(int n, int seed, float scale = 10f)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => new Vector3(F(rng, scale), F(rng, scale), F(rng, scale))).ToArray();
    }

    private static float F(Random rng, float scale) => (float)(rng.NextDouble() * 2 - 1) * scale;

    public static readonly TheoryData<int> Seeds = new() { 1, 2, 3, 4, 5 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void NBody_step_on_Vector3_arrays(int seed)
    {
        var rng = new Random(seed);
        var masses = Enumerable.Range(0, 24).Select(_ => (float)rng.NextDouble() + 0.5f).ToArray();
        D.Check(K, nameof(LanguageNumerics.NBodyStep), Vectors(24, seed), Vectors(24, seed + 100, 0.5f), masses, 0.01f, 0.05f);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Ray_sphere_intersection(int seed)
    {
        var v = Vectors(4, seed, 3f);
        D.Check(K, nameof(LanguageNumerics.RaySphere), v[0], v[1], v[2], 2.5f);
        D.Check(K, nameof(LanguageNumerics.RaySphere), new Vector3(0, 0, -5), new Vector3(0, 0, 1), Vector3.Zero, 1f);
        D.Check(K, nameof(LanguageNumerics.RaySphere), new Vector3(0, 5, -5), new Vector3(0, 0, 1), Vector3.Zero, 1f); // a miss
        D.Check(K, nameof(LanguageNumerics.RaySphere), v[2], v[1], v[2], 0.5f); // starting inside the sphere
    }

    [Theory]
    [InlineData(0.3f)]
    [InlineData(-2f)]
    [InlineData(0f)]
    public void Rotation_of_Vector2_points(float angle)
    {
        var rng = new Random(7);
        var points = Enumerable.Range(0, 50).Select(_ => new Vector2(F(rng, 5), F(rng, 5))).ToArray();
        D.Check(K, nameof(LanguageNumerics.Rotate2D), points, new Vector2(0.5f, -1f), angle);
    }

    [Theory]
    [InlineData(-2.0, -1.25, 0.05, 60)]
    [InlineData(-0.75, 0.1, 0.001, 400)]
    public void Mandelbrot_with_Complex(double x0, double y0, double step, int maxIterations) =>
        D.Check(K, nameof(LanguageNumerics.Mandelbrot), new int[50 * 50], 50, x0, y0, step, maxIterations);

    [Theory]
    [InlineData(0.5, -1.5)]
    [InlineData(1e150, 1e150)]
    [InlineData(double.NaN, 0.0)]
    [InlineData(-0.0, 0.0)]
    public void Complex_polynomial_evaluation(double re, double im)
    {
        var coefficients = new[] { 1.0, -3.5, 0.25, 2.0, -1e-3, 7.0 };
        D.Check(K, nameof(LanguageNumerics.Polynomial), coefficients, new Complex(re, im));
    }

    [Theory]
    [InlineData(1.0, 2.0, -3.0, 0.5, 2.0)]
    [InlineData(1.0, 2.0, 1.0, 2.0, -0.0)]
    [InlineData(double.PositiveInfinity, 0.0, 1e-300, -1e300, 3.0)]
    public void Complex_operators_and_members(double ar, double ai, double br, double bi, double s) =>
        D.Check(K, nameof(LanguageNumerics.ComplexOps), new Complex(ar, ai), new Complex(br, bi), s);

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(-0.0, -2.5)]
    [InlineData(1.0, Math.PI)]
    [InlineData(709.5, 1e300)]
    [InlineData(710.0, 1.0)]
    [InlineData(-746.0, 2.0)]
    [InlineData(double.PositiveInfinity, 0.0)]
    [InlineData(double.NegativeInfinity, double.NaN)]
    [InlineData(double.NaN, 1.0)]
    [InlineData(1.0, double.PositiveInfinity)]
    public void Complex_exponential(double re, double im) =>
        D.Check(K, nameof(LanguageNumerics.ComplexExp), new Complex(re, im));

    [Fact]
    public void Complex_magnitudes_and_square_roots_on_every_kind_of_double()
    {
        var rng = new Random(21);
        double Bits() => BitConverter.Int64BitsToDouble(rng.NextInt64());
        double[] special = { 0, -0.0, 1, -1, 3, 4, -4, double.Epsilon, -double.Epsilon, 1e-310, 2.2250738585072014E-308, double.MaxValue,
                             -double.MaxValue, 1e308, -1e308, 1e-300, 1e300, double.NaN, double.PositiveInfinity, double.NegativeInfinity };
        var pairs = special.SelectMany(a => special.Select(b => (a, b))).ToList();
        for (int k = 0; k < 4000; k++) pairs.Add((Bits(), Bits()));                                   // any exponents
        for (int k = 0; k < 4000; k++) { double a = Bits(); pairs.Add((a, a * (1 + rng.NextDouble() * 1e-3))); } // equal exponents
        for (int k = 0; k < 2000; k++) pairs.Add((Math.ScaleB(rng.NextDouble(), rng.Next(-1100, -1000)), Math.ScaleB(rng.NextDouble(), rng.Next(-1100, -1000)))); // subnormal
        for (int k = 0; k < 2000; k++) pairs.Add((Math.ScaleB(rng.NextDouble(), rng.Next(-600, -500)), Math.ScaleB(rng.NextDouble(), rng.Next(-30, 30))));
        for (int k = 0; k < 2000; k++) pairs.Add((Math.ScaleB(rng.NextDouble(), rng.Next(500, 1023)), rng.NextDouble()));
        for (int k = 0; k < 2000; k++) pairs.Add(((rng.NextDouble() - 0.5) * 10, (rng.NextDouble() - 0.5) * 10));
        int n = pairs.Count;
        var re = pairs.Select(p => p.Item1).ToArray();
        var im = pairs.Select(p => p.Item2).ToArray();
        D.Check(K, nameof(LanguageNumerics.Magnitudes), re, im, new double[n], new double[n]);
        D.Check(K, nameof(LanguageNumerics.SquareRoots), re, im, new double[n], new double[n]);
    }

    [Fact]
    public void Complex_phase_logarithms_and_trigonometric_functions()
    {
        var rng = new Random(33);
        double[] special = { 0, -0.0, 1, -1, 1e-310, 1e308, -1e308, 1e-300, 700, -700, 3, 4, -4, 4.0000001, double.NaN, double.PositiveInfinity, double.NegativeInfinity };
        var pairs = special.SelectMany(a => special.Select(b => (a, b))).ToList();
        for (int k = 0; k < 4000; k++) pairs.Add(((rng.NextDouble() - 0.5) * 20, (rng.NextDouble() - 0.5) * 20));
        for (int k = 0; k < 2000; k++) pairs.Add((BitConverter.Int64BitsToDouble(rng.NextInt64()), BitConverter.Int64BitsToDouble(rng.NextInt64())));
        D.Check(K, nameof(LanguageNumerics.Transcendentals), pairs.Select(p => p.a).ToArray(), pairs.Select(p => p.b).ToArray(), new double[11 * pairs.Count]);
    }

    [Fact]
    public void Complex_polar_coordinates_reciprocals_and_classification()
    {
        var rng = new Random(44);
        double[] special = { 0, -0.0, 1, -1, 1e-310, 1e308, -1e308, 1e-300, 700, 3, double.NaN, double.PositiveInfinity, double.NegativeInfinity };
        var pairs = special.SelectMany(a => special.Select(b => (a, b))).ToList();
        for (int k = 0; k < 3000; k++) pairs.Add(((rng.NextDouble() - 0.5) * 20, (rng.NextDouble() - 0.5) * 20));
        for (int k = 0; k < 2000; k++) pairs.Add((BitConverter.Int64BitsToDouble(rng.NextInt64()), BitConverter.Int64BitsToDouble(rng.NextInt64())));
        int n = pairs.Count;
        var (a, b) = (pairs.Select(p => p.a).ToArray(), pairs.Select(p => p.b).ToArray());
        D.Check(K, nameof(LanguageNumerics.PolarReciprocalClasses), a, b, new double[4 * n], new int[3 * n]);
        var classes = new int[3 * n];
        LanguageNumerics.PolarReciprocalClasses(a, b, new double[4 * n], classes);
        classes.Where((_, i) => i % 3 == 2).ShouldContain(1); // the inputs hold NaNs and numbers: both answers occur
        classes.Where((_, i) => i % 3 == 2).ShouldContain(0);
    }

    [Fact]
    public void Complex_exponentials_summed()
    {
        var rng = new Random(12);
        var re = Enumerable.Range(0, 500).Select(_ => (rng.NextDouble() - 0.5) * 40).ToArray();
        var im = Enumerable.Range(0, 500).Select(_ => (rng.NextDouble() - 0.5) * 100).ToArray();
        D.Check(K, nameof(LanguageNumerics.ExpSum), re, im);
    }

    [Fact]
    public void Normalize_all_in_place()
    {
        var vectors = Vectors(64, 11).Concat(new[] { Vector3.Zero, new Vector3(3e38f, 3e38f, 0), new Vector3(1e-40f, 0, -0f) }).ToArray();
        D.Check(K, nameof(LanguageNumerics.NormalizeAll), vectors);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(37)]
    public void Centroid_divides_a_vector_by_a_count(int n) =>
        D.Check(K, nameof(LanguageNumerics.Centroid), Vectors(n, n));

    [Fact]
    public void Vector3_helpers_bit_for_bit()
    {
        var rng = new Random(3);
        for (int i = 0; i < 40; i++)
        {
            Vector3 a = new(Special[rng.Next(Special.Length)], F(rng, 4), F(rng, 100));
            Vector3 b = new(F(rng, 4), Special[rng.Next(Special.Length)], F(rng, 0.01f));
            D.Check(K, nameof(LanguageNumerics.VectorOps), a, b, i % 2 == 0 ? 0.75f : -3f);
        }
    }

    [Fact]
    public void Distance_between_point_arrays() =>
        D.Check(K, nameof(LanguageNumerics.Distances), Vectors(100, 21), Vectors(100, 22), new float[100]);

    [Fact]
    public void Vector4_and_Vector2_built_from_smaller_vectors()
    {
        var rng = new Random(9);
        var xs = Enumerable.Range(0, 30).Select(_ => new Vector4(F(rng, 3), F(rng, 3), F(rng, 3), F(rng, 3))).ToArray();
        D.Check(K, nameof(LanguageNumerics.Vector4Blend), xs, new Vector3(0.5f, -1f, 2f), 0.25f);
    }

    [Fact]
    public void Vector_equality_and_constants()
    {
        var vectors = new[] { Vector3.Zero, Vector3.One, Vector3.UnitX, Vector3.UnitY, new Vector3(-0f, 0f, 0f), new Vector3(float.NaN, 1, 1), new Vector3(2, 3, 4) };
        int result = (int)D.Check(K, nameof(LanguageNumerics.VectorEquality), vectors, new Vector3(2, 3, 4))!;
        Assert.Equal(1 + 10 * 5 + 100 * 3, result); // -0 equals 0, NaN equals nothing
    }

    [Fact]
    public void ThrowIfNull_guards_compile_and_null_falls_back_to_the_original()
    {
        D.Check(K, nameof(LanguageNumerics.GuardedDot), new[] { 1.0, 2.0, 3.0 }, new[] { 0.5, -1.0, 4.0 });
        D.Check(K, nameof(LanguageNumerics.GuardedDot), null, new[] { 1.0 }); // ArgumentNullException from the original
        Assert.Throws<ArgumentNullException>(() => LanguageNumerics.GuardedDot(new[] { 1.0 }, null!));
    }

    [Fact]
    public void User_struct_with_Vector3_fields_in_an_array()
    {
        var rng = new Random(4);
        var bodies = Enumerable.Range(0, 20).Select(i => new LanguageNumerics.Body
        {
            Position = new Vector3(F(rng, 1), F(rng, 1), F(rng, 1)),
            Velocity = new Vector3(F(rng, 2), F(rng, 2), F(rng, 2)),
            Mass = i + 0.5f,
        }).ToArray();
        D.Check(K, nameof(LanguageNumerics.Advance), bodies, 0.125f);
    }

    [Theory]
    [InlineData(nameof(UnsupportedNumericsSamples.ComplexSinh), "Complex.Sinh")]
    [InlineData(nameof(UnsupportedNumericsSamples.VectorReflect), "Vector3.Reflect")]
    public void Members_without_a_bit_identical_lowering_are_NJ0101_at_their_line(string method, string member)
    {
        var (ir, diagnostics) = FrontendHarness.Translate(FrontendHarness.ReadTestAssembly().Value, typeof(UnsupportedNumericsSamples), method);
        ir.Functions.ShouldNotContain(f => f.Name.Contains(method));
        var d = diagnostics.Single();
        d.Code.ShouldBe("NJ0101", d.Message);
        d.Message.ShouldContain(member);
        d.Message.ShouldContain("bit for bit");
        var line = System.IO.File.ReadAllLines(UnsupportedNumericsSamples.SourcePath)[d.SequencePoint!.StartLine - 1];
        line.ShouldContain("// MARK " + method);
    }

    [Fact]
    public void Vector3_maps_to_its_fixed_layout()
    {
        var module = ModuleDefinition.ReadModule(typeof(NumericsTests).Assembly.Location);
        var v3 = weaver::NumbaWeaver.Weaving.Frontend.TypeMapper.Map(module.ImportReference(typeof(Vector3)))!;
        v3.ToString().ShouldBe("System.Numerics.Vector3{f32,f32,f32}");
        v3.SizeInBytes.ShouldBe(Unsafe.SizeOf<Vector3>());
        var complex = weaver::NumbaWeaver.Weaving.Frontend.TypeMapper.Map(module.ImportReference(typeof(Complex)))!;
        complex.SizeInBytes.ShouldBe(Unsafe.SizeOf<Complex>());
        weaver::NumbaWeaver.Weaving.Frontend.TypeMapper.Map(module.ImportReference(typeof(Vector4)))!.SizeInBytes.ShouldBe(Unsafe.SizeOf<Vector4>());
    }
}

/// <summary>System.Numerics members the frontend refuses (translated as [Njit] roots by the test above).</summary>
public static class UnsupportedNumericsSamples
{
    public static readonly string SourcePath = ThisFile();

    private static string ThisFile([CallerFilePath] string path = "") => path;

    public static Complex ComplexSinh(Complex a) => Complex.Sinh(a); // MARK ComplexSinh

    public static Vector3 VectorReflect(Vector3 a, Vector3 n) => Vector3.Reflect(a, n); // MARK VectorReflect
}
