// Differential tests of ControlFlow: branches, switches, loops, break/continue, ?:, &&/||, goto.
using System.Collections.Generic;
using System.Linq;
using Kernels.Fixture;
using Xunit;

namespace NumbaWeaver.Tests.Differential;

public class ControlFlowTests
{
    /// <summary>Loop kernels whose trip count is their argument: small and negative counts only, else the original C# runs for minutes.</summary>
    private static readonly string[] Loops = { nameof(ControlFlow.SumFor), nameof(ControlFlow.SumWhile), nameof(ControlFlow.SumDoWhile), nameof(ControlFlow.Goto) };

    public static IEnumerable<object[]> Kernels => Corpus.Kernels(typeof(ControlFlow), Loops.Append(nameof(ControlFlow.NestedLoops)).Append(nameof(ControlFlow.Collatz)).ToArray());

    public static IEnumerable<object[]> LoopKernels => Loops.Select(n => new object[] { n });

    private static readonly int[] Counts = { int.MinValue, -5, -1, 0, 1, 2, 3, 10, 77, 1000, 100_000 };

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Kernel_matches_csharp_on_edge_values(string name) => Corpus.Check(typeof(ControlFlow), name);

    [Theory]
    [MemberData(nameof(LoopKernels))]
    public void Loop_matches_csharp_for_many_trip_counts(string name) =>
        Corpus.Check(typeof(ControlFlow), name, Counts.Select(n => new object?[] { n }));

    [Fact]
    public void NestedLoops_matches_csharp() =>
        Corpus.Check(typeof(ControlFlow), nameof(ControlFlow.NestedLoops),
            from n in Counts.Take(9) from m in Counts.Take(9) select new object?[] { n, m });

    [Fact]
    public void Collatz_matches_csharp() =>
        Corpus.Check(typeof(ControlFlow), nameof(ControlFlow.Collatz), Enumerable.Range(1, 3000).Select(n => new object?[] { (long)n }));
}
