// Benchmarks of sum, dot (in cache and from memory) and the triad.
using BenchmarkDotNet.Attributes;
using NumbaWeaver.Benchmarks.Kernels;

namespace NumbaWeaver.Benchmarks.Suites;

public abstract class SumSuite : Suite
{
    protected abstract int N { get; }
    private double[] a = [];
    [GlobalSetup] public override void Setup() => a = Inputs.Uniform(N, 1);
    [Benchmark] public double Plain() => Kernels.Plain.Sum(a);
    [Benchmark] public double Njit() => Nj.Sum(a);
    [Benchmark] public double NjitFast() => NjFast.Sum(a);
    [Benchmark] public double Simd() => Kernels.Simd.Sum(a);
}

public class Sum1e5 : SumSuite { public override string Kernel => "sum_1e5"; protected override int N => 100_000; }
public class Sum1e7 : SumSuite { public override string Kernel => "sum_1e7"; protected override int N => 10_000_000; }

public abstract class DotSuite : Suite
{
    protected abstract int N { get; }
    private double[] a = [], b = [];
    [GlobalSetup] public override void Setup() { a = Inputs.Uniform(N, 1); b = Inputs.Uniform(N, 2); }
    [Benchmark] public double Plain() => Kernels.Plain.Dot(a, b);
    [Benchmark] public double Njit() => Nj.Dot(a, b);
    [Benchmark] public double NjitFast() => NjFast.Dot(a, b);
    [Benchmark] public double Simd() => Kernels.Simd.Dot(a, b);
    [Benchmark] public double NjitPrange() => NjPrange.Dot(a, b);
    [Benchmark] public double NjitPrangeFast() => NjPrangeFast.Dot(a, b);
}

public class Dot1e5 : DotSuite { public override string Kernel => "dot_1e5"; protected override int N => 100_000; }
public class Dot1e7 : DotSuite { public override string Kernel => "dot_1e7"; protected override int N => 10_000_000; }

public class Triad1e7 : Suite
{
    public override string Kernel => "triad_1e7";
    private double[] a = [], b = [], c = [];
    [GlobalSetup] public override void Setup() { a = new double[10_000_000]; b = Inputs.Uniform(a.Length, 1); c = Inputs.Uniform(a.Length, 2); }
    [Benchmark] public void Plain() => Kernels.Plain.Triad(a, b, c, 3.0);
    [Benchmark] public void Njit() => Nj.Triad(a, b, c, 3.0);
    [Benchmark] public void NjitFast() => NjFast.Triad(a, b, c, 3.0);
    [Benchmark] public void Simd() => Kernels.Simd.Triad(a, b, c, 3.0);
    public override double Checksum() => Inputs.Checksum(a);
}
