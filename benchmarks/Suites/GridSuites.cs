// Benchmarks of the Jacobi stencil (double[,] and flat) and Mandelbrot.
using BenchmarkDotNet.Attributes;
using NumbaWeaver.Benchmarks.Kernels;

namespace NumbaWeaver.Benchmarks.Suites;

public class Jacobi2D2000 : Suite
{
    public override string Kernel => "jacobi2d_2000";
    private double[,] src = new double[0, 0], dst = new double[0, 0];
    [GlobalSetup] public override void Setup() { src = Inputs.Uniform2D(2000, 2000, 3); dst = new double[2000, 2000]; }
    [Benchmark] public void Plain() => Kernels.Plain.Jacobi2D(src, dst);
    [Benchmark] public void Njit() => Nj.Jacobi2D(src, dst);
    [Benchmark] public void NjitFast() => NjFast.Jacobi2D(src, dst);
    public override double Checksum() => Inputs.Checksum(dst);
}

public class JacobiFlat2000 : Suite
{
    public override string Kernel => "jacobiflat_2000";
    private double[] src = [], dst = [];
    [GlobalSetup] public override void Setup() { src = Inputs.Uniform(2000 * 2000, 3); dst = new double[src.Length]; }
    [Benchmark] public void Plain() => Kernels.Plain.JacobiFlat(src, dst, 2000, 2000);
    [Benchmark] public void Njit() => Nj.JacobiFlat(src, dst, 2000, 2000);
    [Benchmark] public void NjitFast() => NjFast.JacobiFlat(src, dst, 2000, 2000);
    [Benchmark] public void Simd() => Kernels.Simd.JacobiFlat(src, dst, 2000, 2000);
    public override double Checksum() => Inputs.Checksum(dst);
}

public class Mandelbrot1000 : Suite
{
    public override string Kernel => "mandelbrot_1000";
    private const double X0 = -2.0, Y0 = -1.5, Step = 3.0 / 1000;
    private int[,] counts = new int[0, 0];
    [GlobalSetup] public override void Setup() => counts = new int[1000, 1000];
    [Benchmark] public void Plain() => Kernels.Plain.Mandelbrot(counts, X0, Y0, Step, 100);
    [Benchmark] public void Njit() => Nj.Mandelbrot(counts, X0, Y0, Step, 100);
    [Benchmark] public void NjitFast() => NjFast.Mandelbrot(counts, X0, Y0, Step, 100);
    [Benchmark] public void NjitPrange() => NjPrange.Mandelbrot(counts, X0, Y0, Step, 100);
    [Benchmark] public void NjitPrangeFast() => NjPrangeFast.Mandelbrot(counts, X0, Y0, Step, 100);
    public override double Checksum() => Inputs.Checksum(counts);
}
