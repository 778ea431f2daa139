// LLVM options the runtime sets (runtime/Llvm/LlvmOptions.cs): what they are for is checked on the kernel that needed them.
using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Kernels.Fixture;
using NumbaWeaver.IR;
using Shouldly;
using Xunit;
using static NumbaWeaver.Tests.Backend.BackendHarness;

namespace NumbaWeaver.Tests.Backend;

public class VectorizerTuningTests
{
    private const string RayScanName = "Kernels.Fixture.Vectorization::RayScan(u8[,],f64,f64,f64[],f64[],f64,f64[])";

    /// <summary>A 60x80 map: walls around it, a shelf row and a few blocks (deterministic).</summary>
    private static byte[,] Map()
    {
        var grid = new byte[60, 80];
        for (int x = 0; x < 80; x++) grid[0, x] = grid[59, x] = 1;
        for (int y = 0; y < 60; y++) grid[y, 0] = grid[y, 79] = 1;
        for (int x = 15; x < 65; x++) grid[20, x] = 1;
        for (int k = 0; k < 12; k++) grid[5 + (k * 17) % 50, 5 + (k * 29) % 70] = 1;
        return grid;
    }

    [Fact]
    public void The_ray_caster_matches_csharp_bit_for_bit()
    {
        const int beams = 90;
        var dirX = new double[beams];
        var dirY = new double[beams];
        for (int b = 0; b < beams; b++)
        {
            dirX[b] = Math.Cos(2 * Math.PI * b / beams);
            dirY[b] = Math.Sin(2 * Math.PI * b / beams);
        }
        dirX[0] = 0; // axis-aligned beams: the infinite delta branch
        dirY[beams / 4] = 0;
        foreach (var (x, y, maxRange) in new[] { (40.25, 30.25, 200.0), (10.5, 45.75, 25.0), (79.9, 59.9, 100.0), (-3.0, 10.0, 50.0) })
            NumbaWeaver.Tests.Differential.Differential.Check(typeof(Vectorization), nameof(Vectorization.RayScan), Map(), x, y, dirX, dirY, maxRange, new double[beams]);
    }

    /// <summary>The woven fixture's own IR module (its embedded resource).</summary>
    private static IrModule FixtureIr()
    {
        using var stream = typeof(Vectorization).Assembly.GetManifestResourceStream(IrModule.ResourceName)!;
        using var reader = new StreamReader(stream);
        return IrParser.ReadModule(reader.ReadToEnd());
    }

    /// <summary>The fixture's IR for <paramref name="name"/>, optimized as the runtime does (O3 for the host, LlvmOptions applied).</summary>
    private static string Optimized(string name)
    {
        var module = FixtureIr();
        var function = module.Find(name).ShouldNotBeNull();
        return LowerToText(name, module.CallClosure(function).ConvertAll(IrPrinter.Print).ToArray(), optimise: true);
    }

    [Fact]
    public void The_ray_casters_cell_coordinates_stay_in_scalar_registers()
    {
        string optimized = Optimized(RayScanName);
        optimized.ShouldContain("define "); // the kernel was lowered
        Regex.IsMatch(optimized, @"= phi <\d+ x i32>").ShouldBeFalse("a vector phi of i32 lanes: the SLP vectorizer packed cx and cy into one register\n" + optimized);
    }

    [Fact]
    public void A_unit_step_prange_chunk_of_a_fastmath_reduction_is_vectorised()
    {
        var a = new double[1003];
        var b = new double[1003];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = Math.Sin(i);
            b[i] = Math.Cos(0.5 * i);
        }
        NumbaWeaver.Tests.Differential.Differential.CheckApprox(typeof(Vectorization), nameof(Vectorization.PrangeDot), 1e-12, a, b);

        string chunk = FixtureIr().Functions.Single(f => f.Name.StartsWith("Kernels.Fixture.Vectorization::PrangeDot", StringComparison.Ordinal)
                                                   && f.Name.Contains("$prange", StringComparison.Ordinal) && !f.Name.EndsWith("$combine", StringComparison.Ordinal)).Name;
        Regex.IsMatch(Optimized(chunk), @"fadd [a-z ]*<\d+ x double>").ShouldBeTrue("the chunk's loop has no vector additions");
    }
}
