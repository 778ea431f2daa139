// Float results on each target equal the C# bit for bit; FastMath lets the GPU fuse a multiply and an add.
using System;
using CudaFixture;
using NumbaWeaver;
using Shouldly;

namespace NumbaWeaver.GpuTests;

public abstract partial class CudaModelTests
{
    /// <summary>(1 + 2^-30)(1 - 2^-30) - 1 is 0 rounded twice and -2^-60 fused: inputs where the two differ.</summary>
    private static (double[] A, double[] B, double[] C) FusionSensitive(int n)
    {
        double e = Math.ScaleB(1, -30);
        var a = new double[n];
        var b = new double[n];
        var c = new double[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = 1 + e * (2 * i + 1); // odd multiples: the product is never exact
            b[i] = 1 - e * (2 * i + 1);
            c[i] = -1;
        }
        return (a, b, c);
    }

    [CudaFact]
    public void Multiply_add_rounds_twice_as_the_CSharp_does()
    {
        var (a, b, c) = FusionSensitive(64);
        var r = new double[64];
        Cuda.Launch(RoundingKernels.MultiplyAdd, 2, 32, a, b, c, r);
        for (int i = 0; i < r.Length; i++)
        {
            double csharp = a[i] * b[i] + c[i];
            csharp.ShouldNotBe(Math.FusedMultiplyAdd(a[i], b[i], c[i])); // the inputs do tell the two apart
            BitConverter.DoubleToInt64Bits(r[i]).ShouldBe(BitConverter.DoubleToInt64Bits(csharp), $"r[{i}]");
        }
    }

    [CudaFact]
    public void A_device_function_polynomial_in_single_precision_equals_the_CSharp()
    {
        var x = Sequence(1000, 0.1f, -5f);
        var r = new float[x.Length];
        Cuda.Launch(RoundingKernels.Polynomials, 4, 256, x, r);
        for (int i = 0; i < r.Length; i++)
            BitConverter.SingleToInt32Bits(r[i]).ShouldBe(BitConverter.SingleToInt32Bits(BasicKernels.Polynomial(x[i])), $"r[{i}]");
    }

    [CudaFact]
    public void FastMath_gives_the_CSharp_or_the_fused_result()
    {
        var (a, b, c) = FusionSensitive(64);
        var r = new double[64];
        Cuda.Launch(RoundingKernels.MultiplyAddFast, 2, 32, a, b, c, r);
        for (int i = 0; i < r.Length; i++)
            r[i].ShouldBeOneOf(a[i] * b[i] + c[i], Math.FusedMultiplyAdd(a[i], b[i], c[i]));
        // Whether it fuses is ptxas's choice: on an H100 it fused the float matmul loop of samples/CudaMatMul, not this.
    }
}
