// Conventions of parallel loops in the IR: chunk and combine function names, signatures and the ParallelFor stack check.
using System;
using System.Linq;

namespace NumbaWeaver.IR;

/// <summary>
/// A <see cref="Opcode.ParallelFor"/> names its chunk function
/// <c>chunk(i64 lo, i64 hi, captured..., ref&lt;R1&gt;..ref&lt;Rr&gt;)</c>, which runs the iteration
/// numbers [lo, hi) of the loop and writes its partial reductions through the refs. When the loop
/// has reductions, <see cref="CombineName"/> names <c>combine(ref&lt;R1&gt;..ref&lt;Rr&gt;, R1..Rr)</c>, which
/// folds one chunk's partials into the caller's variables; chunks are combined in iteration order.
/// </summary>
public static class ParallelLoops
{
    /// <summary>Intrinsic checking a Prange step: returns it, or fails with <see cref="Status.PrangeZeroStep"/> when zero.</summary>
    public const string StepCheck = "Numba.PrangeStep(i64)";

    /// <summary>Name of the chunk function of the <paramref name="index"/>-th parallel loop of <paramref name="parent"/>.</summary>
    public static string ChunkName(string parent, int index) => parent + "$prange" + index;

    /// <summary>The combine function of a chunk function (present only when the loop has reductions).</summary>
    public static string CombineName(string chunk) => chunk + "$combine";

    /// <summary>Number of reductions: the combine function's parameters come in (ref, value) halves.</summary>
    public static int ReductionCount(IrFunction? combine) => combine == null ? 0 : combine.Parameters.Count / 2;

    /// <summary>Stack check of a ParallelFor: pops the loop bounds, the captured values and the reduction refs.</summary>
    public static string? CheckStack(Instruction ins, Func<string, IrFunction?>? find, Func<IrType, string, string?> expect)
    {
        if (find == null) return "parallel loops cannot be checked without a module";
        var chunk = find(ins.Name ?? "");
        if (chunk == null) return $"unknown chunk function '{ins.Name}'";
        if (chunk.Parameters.Count < 2 || chunk.Parameters[0].Type != IrType.I64 || chunk.Parameters[1].Type != IrType.I64)
            return $"chunk function '{ins.Name}' does not start with (i64 lo, i64 hi)";
        var combine = find(CombineName(chunk.Name));
        int reductions = ReductionCount(combine);
        var refs = chunk.Parameters.Skip(chunk.Parameters.Count - reductions).Select(p => p.Type).ToArray();
        if (refs.Any(t => !t.IsByRef)) return $"chunk function '{ins.Name}' must end with {reductions} reduction refs";
        for (int i = chunk.Parameters.Count - 1; i >= 2; i--)
        {
            var p = chunk.Parameters[i].Type;
            var e = expect(p.IsByRef ? p : p.StackType, $"parallel loop argument {i}");
            if (e != null) return e;
        }
        return expect(IrType.I64, "step") ?? expect(IrType.I64, "stop") ?? expect(IrType.I64, "start");
    }
}
