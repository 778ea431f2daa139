// Differential tests of Calls: helpers with and without [Njit], recursion (bounded inputs), exceptions raised inside callees.
using System.Collections.Generic;
using System.Linq;
using Kernels.Fixture;
using Xunit;

namespace NumbaWeaver.Tests.Differential;

public class CallsTests
{
    /// <summary>Recursion depth or running time grows with the argument: bounded inputs only.</summary>
    private static readonly string[] Recursive =
        { nameof(Calls.Factorial), nameof(Calls.Fibonacci), nameof(Calls.IsEven), nameof(Calls.Ackermann) };

    public static IEnumerable<object[]> Kernels => Corpus.Kernels(typeof(Calls), Recursive);

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Kernel_matches_csharp_on_edge_values(string name) => Corpus.Check(typeof(Calls), name);

    [Fact]
    public void Recursive_kernels_match_csharp()
    {
        var small = Enumerable.Range(-3, 30).Select(n => new object?[] { n }).ToArray();
        Corpus.Check(typeof(Calls), nameof(Calls.Factorial), small);
        Corpus.Check(typeof(Calls), nameof(Calls.Fibonacci), small);
        Corpus.Check(typeof(Calls), nameof(Calls.IsEven), Enumerable.Range(0, 2000).Select(n => new object?[] { n }));
        Corpus.Check(typeof(Calls), nameof(Calls.Ackermann),
            from m in Enumerable.Range(0, 3) from n in Enumerable.Range(0, 6) select new object?[] { (long)m, (long)n });
    }
}
