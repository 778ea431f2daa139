// Differential tests of structs and tuples (LanguageStructs), their .NET layout, their IR text, and the unsupported shapes.
extern alias weaver;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Kernels.Fixture;
using Mono.Cecil;
using Shouldly;
using Xunit;
using NumbaWeaver.Tests.Weaver;
using D = NumbaWeaver.Tests.Differential.Differential;
using IrType = NumbaWeaver.IR.IrType;
using TypeMapper = weaver::NumbaWeaver.Weaving.Frontend.TypeMapper;

namespace NumbaWeaver.Tests.Language;

public class StructTests
{
    private static readonly Type K = typeof(LanguageStructs);

    private delegate void DampSpanFn(Span<Particle> particles, double factor);

    public static readonly TheoryData<double, double, double> Triples = new()
    {
        { 1, 2, 3 }, { -0.0, 0, 0 }, { 1e300, 1e300, -1e300 }, { double.NaN, 1, 2 },
        { double.PositiveInfinity, 1, double.NegativeInfinity }, { 3e-310, -4, 0.5 },
    };

    private static Vec3 V(double x, double y, double z) => new(x, y, z);

    private static Particle[] Particles(int n, int seed)
    {
        var rng = new Random(seed);
        var ps = new Particle[n];
        for (int i = 0; i < n; i++)
        {
            ps[i] = new Particle
            {
                Position = V(rng.NextDouble(), rng.NextDouble(), rng.NextDouble() * 2),
                Velocity = V(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5, rng.NextDouble()),
                Mass = 1 + rng.NextDouble(),
                Id = i,
                Alive = i % 3 != 0,
            };
        }
        return ps;
    }

    private static Vec3[] Points(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => V(rng.NextDouble() * 10 - 5, rng.NextDouble(), -rng.NextDouble())).ToArray();
    }

    // ---- struct math, operators, properties, methods ----

    [Theory]
    [MemberData(nameof(Triples))]
    public void Struct_constructor_and_property(double x, double y, double z) =>
        D.Check(K, nameof(LanguageStructs.VecLength), x, y, z);

    [Theory]
    [MemberData(nameof(Triples))]
    public void Operator_overloads_and_instance_methods(double x, double y, double z)
    {
        // Where two different NaNs meet (a NaN and its negation here), IEEE 754 leaves open which one
        // results: only one operand of the sum of the dot and cross products may be NaN.
        if (double.IsNaN(x)) D.Check(K, nameof(LanguageStructs.VecOperators), 1.0, y, z, x, 0.5, 2.0);
        else D.Check(K, nameof(LanguageStructs.VecOperators), x, y, z, z, x, 0.5);
        D.Check(K, nameof(LanguageStructs.VecOperators), 1.5, -2.0, 0.25, y, z, x);
    }

    [Theory]
    [MemberData(nameof(Triples))]
    public void Struct_parameters_by_value_and_struct_returns(double x, double y, double z)
    {
        D.Check(K, nameof(LanguageStructs.CrossNorm), V(x, y, z), V(1, -2, 0.5));
        var reflected = (Vec3)D.Check(K, nameof(LanguageStructs.Reflect), V(x, y, z), V(0, 0, 1))!;
        if (double.IsFinite(x) && double.IsFinite(y) && double.IsFinite(z) && Math.Abs(z) < 1e100)
            reflected.Z.ShouldBe(-z, "reflection in the z = 0 plane flips z");
        D.Check(K, nameof(LanguageStructs.Reflect), V(1, 2, 3), V(x, y, z));
    }

    [Theory]
    [MemberData(nameof(Triples))]
    public void Ref_and_in_struct_parameters(double x, double y, double z)
    {
        D.Check(K, nameof(LanguageStructs.NormalizeInPlace), V(x, y, z));
        D.Check(K, nameof(LanguageStructs.DotIn), V(x, y, z), V(z, y, x));
        var v = V(3, 4, 12);
        LanguageStructs.NormalizeInPlace(ref v).ShouldBe(13);
        v.Length.ShouldBe(1, 1e-15, "the compiled method wrote the normalised vector back through the reference");
    }

    [Theory]
    [InlineData(0.5, 0.5, 100)]
    [InlineData(-0.75, 0.1, 1000)]
    [InlineData(0.3, -0.5, 0)]
    [InlineData(double.NaN, 0, 10)]
    public void Readonly_struct_arithmetic(double re, double im, int n)
    {
        D.Check(K, nameof(LanguageStructs.ComplexPower), re, im, n);
        D.Check(K, nameof(LanguageStructs.MandelbrotEscape), re, im, n);
    }

    [Theory]
    [InlineData(1.0, 2)]
    [InlineData(double.NaN, 0)]
    [InlineData(-0.0, -7)]
    [InlineData(double.NegativeInfinity, int.MaxValue)]
    public void Default_and_object_initialisers(double x, int id) =>
        D.Check(K, nameof(LanguageStructs.Initialisers), x, id);

    [Theory]
    [InlineData(0, 1, 0.5)]
    [InlineData(2, 1, 1.5)]
    [InlineData(double.NaN, 1, 0.5)]
    [InlineData(-1e308, 1e308, double.PositiveInfinity)]
    public void Record_struct_with_with_expression_and_deconstruction(double lo, double hi, double x) =>
        D.Check(K, nameof(LanguageStructs.RecordStructs), lo, hi, x);

    // ---- arrays and spans of structs ----

    [Theory]
    [InlineData(0, 0.01)]
    [InlineData(1, 0.5)]
    [InlineData(37, 0.02)]
    [InlineData(37, double.NaN)]
    public void Struct_array_update_loop(int n, double dt)
    {
        var ps = Particles(n, n);
        for (int step = 0; step < 5; step++)
        {
            D.Check(K, nameof(LanguageStructs.Integrate), ps, dt, 0.25);
            LanguageStructs.Integrate(ps, dt, 0.25); // advance the shared input with the compiled code
        }
        D.Check(K, nameof(LanguageStructs.KineticEnergy), ps);
    }

    [Fact]
    public void Struct_array_elements_are_written_in_place()
    {
        var ps = Particles(5, 1);
        ps[1].Alive = true;
        ps[1].Position.Z = 1;
        double vz = ps[1].Velocity.Z;
        LanguageStructs.Integrate(ps, 0.1, -10);
        ps[1].Velocity.Z.ShouldBe(vz - 0.981, 1e-12);
        ps[0].Alive.ShouldBeFalse("dead particles stay untouched");
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(9, 0.5)]
    [InlineData(9, double.NaN)]
    public void Span_of_structs(int n, double factor)
    {
        var compiled = Particles(n, 3);
        var original = Particles(n, 3);
        var (stub, twin) = D.Pair<DampSpanFn>(K, nameof(LanguageStructs.DampSpan));
        stub(compiled, factor);
        twin(original, factor);
        D.AssertSame(compiled, original, 0, "particles after DampSpan");
    }

    [Theory]
    [InlineData(0, 2.0)]
    [InlineData(13, -0.5)]
    [InlineData(13, double.PositiveInfinity)]
    public void Whole_struct_element_loads_and_stores(int n, double s)
    {
        D.Check(K, nameof(LanguageStructs.ScaleAll), Points(n, n), s);
        D.Check(K, nameof(LanguageStructs.Centroid), Points(n, n + 1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100)]
    public void Struct_and_flat_loops_agree(int n)
    {
        var points = Points(n, n);
        var flat = points.SelectMany(p => new[] { p.X, p.Y, p.Z }).ToArray();
        var viaStructs = (double)D.Check(K, nameof(LanguageStructs.SumLengths), points)!;
        var viaFlat = (double)D.Check(K, nameof(LanguageStructs.SumLengthsFlat), flat)!;
        BitConverter.DoubleToInt64Bits(viaStructs).ShouldBe(BitConverter.DoubleToInt64Bits(viaFlat));
    }

    // ---- tuples ----

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new[] { 3.0 })]
    [InlineData(new[] { 3.0, -1, 7, 2 })]
    [InlineData(new[] { 1.0, double.NaN, -5 })]
    [InlineData(new[] { double.NegativeInfinity, -0.0, 0.0, double.PositiveInfinity })]
    public void Tuples_returned_and_deconstructed(double[] values)
    {
        var (min, max) = ((double, double))D.Check(K, nameof(LanguageStructs.MinMax), values)!;
        if (values.Length > 0 && !values.Any(double.IsNaN))
        {
            min.ShouldBe(values.Min());
            max.ShouldBe(values.Max());
        }
        D.Check(K, nameof(LanguageStructs.RangeOf), values);
        D.Check(K, nameof(LanguageStructs.FindFirstAbove), values, 2.5);
        D.Check(K, nameof(LanguageStructs.FindFirstAbove), values, double.NaN);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(50)]
    [InlineData(100)]
    public void Tuple_locals(int n)
    {
        var result = (long)D.Check(K, nameof(LanguageStructs.TupleFibonacci), n)!;
        if (n == 50) result.ShouldBe(12586269025L);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(20)]
    public void Tuples_holding_structs(int n) => D.Check(K, nameof(LanguageStructs.MeanAndSpread), Points(n, 7));

    // ---- ported algorithms ----

    private static FilterParticle[] FilterParticles(int n, Random rng) =>
        Enumerable.Range(0, n).Select(_ => new FilterParticle { X = rng.NextDouble() * 4 - 2, V = rng.NextDouble() - 0.5, W = 1.0 / n }).ToArray();

    [Theory]
    [InlineData(1, 1)]
    [InlineData(64, 2)]
    [InlineData(500, 3)]
    public void Particle_filter_steps_are_bit_identical(int n, int seed)
    {
        var rng = new Random(seed);
        var compiled = FilterParticles(n, rng);
        var original = (FilterParticle[])compiled.Clone();
        var twin = D.Twin(K, nameof(LanguageStructs.ParticleFilterStep));
        double truth = 0.3;
        for (int step = 0; step < 20; step++)
        {
            truth += 0.05;
            var noise = Enumerable.Range(0, n).Select(_ => (rng.NextDouble() - 0.5) * 0.2).ToArray();
            double observation = truth + (rng.NextDouble() - 0.5) * 0.1, u0 = rng.NextDouble();
            double a = LanguageStructs.ParticleFilterStep(compiled, noise, 0.1, observation, 0.3, u0, new FilterParticle[n]);
            double b = (double)twin.Invoke(null, new object[] { original, noise, 0.1, observation, 0.3, u0, new FilterParticle[n] })!;
            D.AssertSame(a, b, 0, $"effective sample size at step {step}");
            D.AssertSame(compiled, original, 0, $"particles after step {step}");
            a.ShouldBeInRange(1 - 1e-9, n + 1e-9);
        }
        compiled.Sum(p => p.W).ShouldBe(1, 1e-9, "resampled weights are uniform");
    }

    [Fact]
    public void Particle_filter_edge_cases()
    {
        var rng = new Random(5);
        // Every likelihood underflows: nothing is normalised or resampled.
        D.Check(K, nameof(LanguageStructs.ParticleFilterStep), FilterParticles(8, rng), new double[8], 0.1, 1e6, 0.01, 0.5, new FilterParticle[8]);
        D.Check(K, nameof(LanguageStructs.ParticleFilterStep), FilterParticles(8, rng), new double[8], 0.1, double.NaN, 0.3, 0.5, new FilterParticle[8]);
        D.Check(K, nameof(LanguageStructs.ParticleFilterStep), Array.Empty<FilterParticle>(), new double[0], 0.1, 0.0, 0.3, 0.5, Array.Empty<FilterParticle>());
        D.Check(K, nameof(LanguageStructs.ParticleFilterStep), FilterParticles(8, rng), new double[3], 0.1, 0.0, 0.3, 0.5, new FilterParticle[8]);
    }

    [Theory]
    [InlineData(1.0, 0.0, 2.0, 0.0, 0.01, 1000)]
    [InlineData(0.5, -1.0, 1.0, 0.3, 0.05, 200)]
    [InlineData(1.0, 0.0, 2.0, 0.0, 0.01, 0)]
    [InlineData(double.NaN, 0.0, 2.0, 0.0, 0.01, 3)]
    [InlineData(1.0, 0.0, double.PositiveInfinity, 0.0, 0.01, 3)]
    public void Rk4_integrator_returning_a_tuple(double x, double v, double omega, double damping, double h, int steps)
    {
        var (xe, ve) = ((double, double))D.Check(K, nameof(LanguageStructs.Rk4Oscillator), x, v, omega, damping, h, steps)!;
        if (steps == 1000 && damping == 0)
        {
            // Undamped: x(t) = cos(omega t) for x0 = 1, v0 = 0; RK4's error at h = 0.01 is far below 1e-6.
            xe.ShouldBe(Math.Cos(omega * h * steps), 1e-6);
            ve.ShouldBe(-omega * Math.Sin(omega * h * steps), 1e-6);
        }
    }

    // ---- layout, IR text and unsupported shapes ----

    private static readonly Lazy<ModuleDefinition> Fixture = new(() => ModuleDefinition.ReadModule(typeof(LanguageStructs).Assembly.Location));

    [Fact]
    public void Ir_struct_layout_matches_the_clr_layout()
    {
        var type = TypeMapper.MapStruct(Fixture.Value.GetType(typeof(Particle).FullName))!;
        var p = default(Particle);
        type.SizeInBytes.ShouldBe(Unsafe.SizeOf<Particle>());
        type.FieldOffset(1).ShouldBe((int)Unsafe.ByteOffset(ref Unsafe.As<Particle, byte>(ref p), ref Unsafe.As<Vec3, byte>(ref p.Velocity)));
        type.FieldOffset(2).ShouldBe((int)Unsafe.ByteOffset(ref Unsafe.As<Particle, byte>(ref p), ref Unsafe.As<double, byte>(ref p.Mass)));
        type.FieldOffset(3).ShouldBe((int)Unsafe.ByteOffset(ref Unsafe.As<Particle, byte>(ref p), ref Unsafe.As<int, byte>(ref p.Id)));
        type.FieldOffset(4).ShouldBe((int)Unsafe.ByteOffset(ref Unsafe.As<Particle, byte>(ref p), ref Unsafe.As<bool, byte>(ref p.Alive)));
        type.ToString().ShouldBe("Kernels.Fixture.Particle{Kernels.Fixture.Vec3{f64,f64,f64},Kernels.Fixture.Vec3{f64,f64,f64},f64,i32,bool}");
    }

    [Fact]
    public void Struct_types_round_trip_through_their_text()
    {
        var inner = IrType.StructOf("N.Inner", new[] { IrType.Bool, IrType.F64 });
        var outer = IrType.StructOf("N.Outer+Nested", new[] { IrType.I16, inner, IrType.Char });
        var tuple = IrType.TupleOf(new[] { IrType.I32, outer });
        foreach (var t in new[] { inner, outer, tuple, IrType.ArrayOf(outer), IrType.SpanOf(tuple, readOnly: true), IrType.RefTo(outer), IrType.ArrayOf(inner, 2) })
            IrType.Parse(t.ToString()).ShouldBe(t, t.ToString());
        outer.FieldOffset(1).ShouldBe(8);
        outer.FieldOffset(2).ShouldBe(24);
        outer.SizeInBytes.ShouldBe(32);
        IrType.StructOf("N.Other", new[] { IrType.Bool, IrType.F64 }).ShouldNotBe(inner, "structs with the same fields but different names are different types");
    }

    [Theory]
    [InlineData(nameof(UnsupportedStructSamples.ReferenceField), "field 'Name' has type System.String")]
    [InlineData(nameof(UnsupportedStructSamples.ExplicitLayout), "LayoutKind.Explicit")]
    [InlineData(nameof(UnsupportedStructSamples.GenericStruct), "a generic struct")]
    [InlineData(nameof(UnsupportedStructSamples.ForeignStruct), "a struct of another assembly")]
    [InlineData(nameof(UnsupportedStructSamples.TupleParameter), "tuple type")]
    public void Unsupported_struct_shapes_are_NJ0003_at_their_line(string method, string reason)
    {
        var (ir, diagnostics) = FrontendHarness.Translate(FrontendHarness.ReadTestAssembly().Value, typeof(UnsupportedStructSamples), method);
        ir.Functions.ShouldBeEmpty();
        var d = diagnostics.First(x => x.Message.Contains(reason));
        d.Code.ShouldBe("NJ0003", string.Join("\n", diagnostics));
        d.SequencePoint.ShouldNotBeNull();
        d.SequencePoint!.Document.Url.ShouldEndWith("StructTests.cs");
        var line = System.IO.File.ReadAllLines(UnsupportedStructSamples.SourcePath)[d.SequencePoint.StartLine - 1];
        line.ShouldContain("// MARK " + method);
    }
}

/// <summary>Methods using struct shapes the frontend refuses (translated as [Njit] roots by the test above).</summary>
public static class UnsupportedStructSamples
{
    public static readonly string SourcePath = ThisFile();

    private static string ThisFile([CallerFilePath] string path = "") => path;

    public struct Named
    {
        public double Value;
        public string Name;
    }

    [StructLayout(LayoutKind.Explicit)]
    public struct Overlay
    {
        [FieldOffset(0)] public double D;
        [FieldOffset(0)] public long L;
    }

    public struct Box<T>
    {
        public T Value;
    }

    public static double ReferenceField(double x)
    {
        var n = new Named { Value = x }; // MARK ReferenceField
        return n.Value;
    }

    public static long ExplicitLayout(double x)
    {
        var o = new Overlay { D = x }; // MARK ExplicitLayout
        return o.L;
    }

    public static double GenericStruct(double x)
    {
        var b = new Box<double> { Value = x }; // MARK GenericStruct
        return b.Value;
    }

    public static double ForeignStruct(long ticks)
    {
        var t = new TimeSpan(ticks); // MARK ForeignStruct
        return t.TotalSeconds;
    }

    public static double TupleParameter((double A, double B) pair) => pair.A + pair.B; // MARK TupleParameter
}
