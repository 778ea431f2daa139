// Benchmarks of N-body accelerations, pairwise distances, Black-Scholes, histogram, matmul and FIR.
using BenchmarkDotNet.Attributes;
using NumbaWeaver.Benchmarks.Kernels;

namespace NumbaWeaver.Benchmarks.Suites;

public class NBody2000 : Suite
{
    public override string Kernel => "nbody_2000";
    private const double Eps2 = 1e-3;
    private double[] x = [], y = [], z = [], m = [], ax = [], ay = [], az = [];
    [GlobalSetup]
    public override void Setup()
    {
        x = Inputs.Uniform(2000, 4); y = Inputs.Uniform(2000, 5); z = Inputs.Uniform(2000, 6); m = Inputs.Uniform(2000, 7);
        ax = new double[2000]; ay = new double[2000]; az = new double[2000];
    }
    [Benchmark] public void Plain() => Kernels.Plain.NBody(x, y, z, m, ax, ay, az, Eps2);
    [Benchmark] public void Njit() => Nj.NBody(x, y, z, m, ax, ay, az, Eps2);
    [Benchmark] public void NjitFast() => NjFast.NBody(x, y, z, m, ax, ay, az, Eps2);
    [Benchmark] public void Simd() => Kernels.Simd.NBody(x, y, z, m, ax, ay, az, Eps2);
    [Benchmark] public void NjitPrange() => NjPrange.NBody(x, y, z, m, ax, ay, az, Eps2);
    [Benchmark] public void NjitPrangeFast() => NjPrangeFast.NBody(x, y, z, m, ax, ay, az, Eps2);
    public override double Checksum() => Inputs.Checksum(ax) + Inputs.Checksum(ay) + Inputs.Checksum(az);
}

public class Pairwise1000 : Suite
{
    public override string Kernel => "pairwise_1000x3";
    private double[,] p = new double[0, 0], d = new double[0, 0];
    [GlobalSetup] public override void Setup() { p = Inputs.Uniform2D(1000, 3, 8); d = new double[1000, 1000]; }
    [Benchmark] public void Plain() => Kernels.Plain.Pairwise(p, d);
    [Benchmark] public void Njit() => Nj.Pairwise(p, d);
    [Benchmark] public void NjitFast() => NjFast.Pairwise(p, d);
    public override double Checksum() => Inputs.Checksum(d);
}

public class BlackScholes1e6 : Suite
{
    public override string Kernel => "blackscholes_1e6";
    private double[] s = [], x = [], t = [], call = [], put = [];
    [GlobalSetup]
    public override void Setup()
    {
        const int n = 1_000_000;
        s = Inputs.Uniform(n, 9, 5.0, 30.0); x = Inputs.Uniform(n, 10, 1.0, 100.0); t = Inputs.Uniform(n, 11, 0.25, 10.0);
        call = new double[n]; put = new double[n];
    }
    [Benchmark] public void Plain() => Kernels.Plain.BlackScholes(s, x, t, BlackScholesConstants.Rate, BlackScholesConstants.Volatility, call, put);
    [Benchmark] public void Njit() => Nj.BlackScholes(s, x, t, BlackScholesConstants.Rate, BlackScholesConstants.Volatility, call, put);
    [Benchmark] public void NjitFast() => NjFast.BlackScholes(s, x, t, BlackScholesConstants.Rate, BlackScholesConstants.Volatility, call, put);
    [Benchmark] public void Simd() => Kernels.Simd.BlackScholes(s, x, t, BlackScholesConstants.Rate, BlackScholesConstants.Volatility, call, put);
    public override double Checksum() => Inputs.Checksum(call) + Inputs.Checksum(put);
}

public class Histogram1e7 : Suite
{
    public override string Kernel => "histogram_1e7";
    private double[] values = [];
    private int[] hist = new int[256];
    [GlobalSetup] public override void Setup() => values = Inputs.Uniform(10_000_000, 12);
    [Benchmark] public void Plain() => Kernels.Plain.Histogram(values, hist);
    [Benchmark] public void Njit() => Nj.Histogram(values, hist);
    public override double Checksum() => Inputs.Checksum(hist);
}

public class MatMul512 : Suite
{
    public override string Kernel => "matmul_512";
    private double[,] a = new double[0, 0], b = new double[0, 0], c = new double[0, 0];
    [GlobalSetup] public override void Setup() { a = Inputs.Uniform2D(512, 512, 13); b = Inputs.Uniform2D(512, 512, 14); c = new double[512, 512]; }
    [Benchmark] public void Plain() => Kernels.Plain.MatMul(a, b, c);
    [Benchmark] public void Njit() => Nj.MatMul(a, b, c);
    [Benchmark] public void NjitFast() => NjFast.MatMul(a, b, c);
    [Benchmark] public void Simd() => Kernels.Simd.MatMul(a, b, c);
    public override double Checksum() => Inputs.Checksum(c);
}

public class Fir1e6 : Suite
{
    public override string Kernel => "fir_1e6x64";
    private double[] x = [], h = [], y = [];
    [GlobalSetup] public override void Setup() { x = Inputs.Uniform(1_000_000, 15); h = Inputs.Uniform(64, 16); y = new double[x.Length - h.Length + 1]; }
    [Benchmark] public void Plain() => Kernels.Plain.Fir(x, h, y);
    [Benchmark] public void Njit() => Nj.Fir(x, h, y);
    [Benchmark] public void NjitFast() => NjFast.Fir(x, h, y);
    [Benchmark] public void Simd() => Kernels.Simd.Fir(x, h, y);
    public override double Checksum() => Inputs.Checksum(y);
}

public class CallOverhead : Suite
{
    public override string Kernel => "call_add";
    private int a = 1, b = 2;
    [GlobalSetup] public override void Setup() { a = 1; b = 2; }
    [Benchmark] public int Plain() => Kernels.Plain.Add(a, b);
    [Benchmark] public int PlainNoInline() => Kernels.PlainNoInline.Add(a, b);
    [Benchmark] public int Njit() => Nj.Add(a, b);
    public override double Checksum() => double.NaN;
}
