// Per-function compile timings (lowering, optimisation, code generation) for users and tests.
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace NumbaWeaver.Compiler;

/// <summary>How long one function took to compile, by stage, in milliseconds.</summary>
public sealed class CompileTimings
{
    private static readonly ConcurrentDictionary<string, CompileTimings> ByFunction = new();

    public double LowerMs { get; set; }
    public double OptimizeMs { get; set; }
    public double CodegenMs { get; set; }
    public double TotalMs { get; set; }

    internal static void Record(string function, CompileTimings t) => ByFunction[function] = t;

    /// <summary>Timings of every function compiled in this process, by IR name.</summary>
    public static IReadOnlyDictionary<string, CompileTimings> All => ByFunction;

    public override string ToString() =>
        $"total {TotalMs:F1} ms (lower {LowerMs:F1}, optimize {OptimizeMs:F1}, codegen {CodegenMs:F1})";
}
