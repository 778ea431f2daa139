// Differential tests of RefOut: ref/out/in primitives (values written back compared), refs to array elements and locals.
using System.Collections.Generic;
using Kernels.Fixture;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Differential;

public class RefOutTests
{
    public static IEnumerable<object[]> Kernels => Corpus.Kernels(typeof(RefOut));

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Kernel_matches_csharp_on_edge_values(string name) => Corpus.Check(typeof(RefOut), name);

    [Fact]
    public void Refs_are_written_back_to_the_callers_variables()
    {
        int a = 1, b = 2;
        RefOut.Swap(ref a, ref b);
        (a, b).ShouldBe((2, 1));
        RefOut.DivMod(-7, 2, out var q, out var r).ShouldBeTrue();
        (q, r).ShouldBe((-3L, -1L));
        var values = new[] { 1, 2 };
        RefOut.IncrementElements(values).ShouldBe(15);
        values.ShouldBe(new[] { 11, 12 });
    }
}
