// NUMBA_PARALLEL_DIAGNOSTICS=1: describes what each parallel loop of a compiled method became.
using System.Collections.Generic;
using System.Linq;
using System.Text;
using NumbaWeaver.IR;

namespace NumbaWeaver.Parallel;

/// <summary>
/// The report Numba's parallel diagnostics give, from the IR: which Prange loops run in parallel,
/// what they capture, which variables are private to an iteration, the reductions found, and the
/// Prange loops nested inside that stay sequential. Nothing is hoisted by the weaver itself: LLVM's
/// loop-invariant code motion works inside each chunk function.
/// </summary>
public static class ParallelDiagnostics
{
    public static string Describe(IrModule module, IrFunction entry)
    {
        var sb = new StringBuilder();
        foreach (var f in module.CallClosure(entry))
        {
            foreach (var ins in f.Body.Where(i => i.Op == Opcode.ParallelFor))
            {
                var chunk = module.Find(ins.Name!);
                if (chunk == null) continue;
                var combine = module.Find(ParallelLoops.CombineName(chunk.Name));
                int reductions = ParallelLoops.ReductionCount(combine);
                var captured = chunk.Parameters.Skip(2).Take(chunk.Parameters.Count - 2 - reductions)
                    .Select(p => p.Name).Where(n => !n.StartsWith("prange", System.StringComparison.Ordinal)).ToList();
                var reducedNames = chunk.Parameters.Skip(chunk.Parameters.Count - reductions).Select(p => p.Name).ToList();
                var reduced = reducedNames.Select(Reduction);
                var shared = new HashSet<string>(captured.Concat(reducedNames.Select(n => n.Split('.')[0])));
                var stored = new HashSet<long>(chunk.Body.Where(i => i.Op == Opcode.StLoc).Select(i => i.Int));
                var privates = chunk.Locals.Where((l, k) => stored.Contains(k) && IsUserName(l.Name) && !shared.Contains(l.Name))
                    .Select(l => l.Name).Distinct();
                int nested = chunk.Locals.Count(l => l.Name.EndsWith(".counter", System.StringComparison.Ordinal)) - 1;
                sb.Append("Parallel loop in ").Append(f.Name).Append(" at ").Append(f.SourceFile).Append(':').Append(ins.Line)
                  .Append(" -> ").Append(chunk.Name).Append('\n')
                  .Append("  read-only (passed by value): ").Append(List(captured)).Append('\n')
                  .Append("  private to an iteration: ").Append(List(privates)).Append('\n')
                  .Append("  reductions: ").Append(List(reduced)).Append('\n')
                  .Append("  nested Prange loops run sequentially: ").Append(System.Math.Max(0, nested)).Append('\n')
                  .Append("  hoisted: nothing by the weaver (LLVM hoists loop invariants inside the chunk function)\n");
            }
        }
        return sb.ToString();
    }

    private static string Reduction(string parameter)
    {
        int at = parameter.LastIndexOf(".reduce.", System.StringComparison.Ordinal);
        return at < 0 ? parameter : parameter.Substring(0, at) + " (" + parameter.Substring(at + 8) + ")";
    }

    private static bool IsUserName(string name) =>
        !name.StartsWith("prange", System.StringComparison.Ordinal) && !name.StartsWith("tmp.", System.StringComparison.Ordinal)
        && !(name.Length > 1 && name[0] == 'v' && name.Skip(1).All(char.IsDigit));

    private static string List(IEnumerable<string> names)
    {
        var all = names.ToList();
        return all.Count == 0 ? "none" : string.Join(", ", all);
    }
}
