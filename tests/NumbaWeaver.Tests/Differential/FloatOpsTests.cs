// Differential tests of FloatOps: IEEE arithmetic, remainders, NaN-aware comparisons and the IsNaN/IsFinite family.
using System.Collections.Generic;
using Kernels.Fixture;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Differential;

public class FloatOpsTests
{
    public static IEnumerable<object[]> Kernels => Corpus.Kernels(typeof(FloatOps));

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Kernel_matches_csharp_on_edge_values(string name) => Corpus.Check(typeof(FloatOps), name);

    [Fact]
    public void Classification_answers_what_the_library_answers()
    {
        foreach (var x in EdgeValues.Double)
        {
            FloatOps.IsNaND(x).ShouldBe(double.IsNaN(x), x.ToString("R"));
            FloatOps.IsSubnormalD(x).ShouldBe(double.IsSubnormal(x), x.ToString("R"));
        }
        FloatOps.IsNegativeF(-0f).ShouldBeTrue();
    }
}
