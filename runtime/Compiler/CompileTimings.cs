// Per-function compile timings (lowering, optimisation, code generation) for users and tests.
using System.Collections.Generic;

namespace NumbaWeaver.Compiler;

/// <summary>How long one function took to compile, by stage, in milliseconds.</summary>
public sealed class CompileTimings
{
    // A locked Dictionary, not ConcurrentDictionary: that would load System.Collections.Concurrent on a first compile.
    private static readonly Dictionary<string, CompileTimings> ByFunction = new();

    public double LowerMs { get; set; }
    public double OptimizeMs { get; set; }
    public double CodegenMs { get; set; }
    public double TotalMs { get; set; }

    internal static void Record(string function, CompileTimings t)
    {
        lock (ByFunction) ByFunction[function] = t;
    }

    /// <summary>Timings of every function compiled in this process so far, by IR name (a snapshot).</summary>
    public static IReadOnlyDictionary<string, CompileTimings> All
    {
        get
        {
            lock (ByFunction) return new Dictionary<string, CompileTimings>(ByFunction);
        }
    }

    public override string ToString() =>
        $"total {TotalMs:F1} ms (lower {LowerMs:F1}, optimize {OptimizeMs:F1}, codegen {CodegenMs:F1})";
}
