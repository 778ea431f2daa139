// "latency" mode: in a fresh process, the first call of each [Njit] kernel (compilation included), as JSON lines.
using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using NumbaWeaver.Benchmarks.Kernels;
using NumbaWeaver.Compiler;

namespace NumbaWeaver.Benchmarks;

/// <summary>
/// Calls each kernel once on tiny inputs, so the time is compilation plus a negligible run. The
/// first row (Add) also pays for loading libLLVM and creating the JIT; later rows do not.
/// </summary>
public static class LatencyMode
{
    public static int Run()
    {
        double[] v = new double[8], w = new double[8], o = new double[8], o2 = new double[8], o3 = new double[8];
        double[,] g = new double[4, 4], g2 = new double[4, 4], g3 = new double[4, 4];
        Time("call_add", "Add", () => Nj.Add(1, 2));
        Time("sum", "Sum", () => Nj.Sum(v));
        Time("dot", "Dot", () => Nj.Dot(v, w));
        Time("triad", "Triad", () => Nj.Triad(o, v, w, 3.0));
        Time("jacobi2d", "Jacobi2D", () => Nj.Jacobi2D(g, g2));
        Time("jacobiflat", "JacobiFlat", () => Nj.JacobiFlat(v, o, 2, 4));
        Time("mandelbrot", "Mandelbrot", () => Nj.Mandelbrot(new int[4, 4], -2, -1.5, 0.75, 10));
        Time("nbody", "NBody", () => Nj.NBody(v, v, v, w, o, o2, o3, 1e-3));
        Time("pairwise", "Pairwise", () => Nj.Pairwise(new double[4, 3], g3));
        Time("blackscholes", "BlackScholes", () => Nj.BlackScholes(w, w, w, 0.02, 0.3, o, o2));
        Time("histogram", "Histogram", () => Nj.Histogram(v, new int[16]));
        Time("matmul", "MatMul", () => Nj.MatMul(g, g2, g3));
        Time("fir", "Fir", () => Nj.Fir(v, new double[4], new double[5]));
        return 0;
    }

    private static void Time(string kernel, string method, Action firstCall)
    {
        var sw = Stopwatch.StartNew();
        firstCall();
        double ms = sw.Elapsed.TotalMilliseconds;
        // CompileTimings is keyed by IR name, e.g. "NumbaWeaver.Benchmarks.Kernels.Nj::Dot(f64[],f64[])".
        double compile = CompileTimings.All
            .Where(kv => kv.Key.StartsWith(typeof(Nj).FullName + "::" + method + "(", StringComparison.Ordinal))
            .Sum(kv => kv.Value.TotalMs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"kernel\":\"{kernel}\",\"impl\":\"[Njit]\",\"first_call_ms\":{ms:F3},\"compile_ms\":{compile:F3}}}"));
    }
}
