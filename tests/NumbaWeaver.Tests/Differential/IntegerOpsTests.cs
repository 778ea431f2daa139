// Differential tests of IntegerOps: every integer kernel on its edge-value grid (overflow, /0, MinValue/-1, shift widths).
using System;
using System.Collections.Generic;
using Kernels.Fixture;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Differential;

public class IntegerOpsTests
{
    public static IEnumerable<object[]> Kernels => Corpus.Kernels(typeof(IntegerOps));

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Kernel_matches_csharp_on_edge_values(string name) => Corpus.Check(typeof(IntegerOps), name);

    [Fact]
    public void The_grids_reach_the_exceptions_they_are_meant_to_test()
    {
        Should.Throw<OverflowException>(() => IntegerOps.DivI(int.MinValue, -1));
        Should.Throw<OverflowException>(() => IntegerOps.RemL(long.MinValue, -1));
        Should.Throw<DivideByZeroException>(() => IntegerOps.DivU(1, 0));
        Should.Throw<OverflowException>(() => IntegerOps.CheckedMulUL(ulong.MaxValue, 2));
        IntegerOps.ShlI(1, 33).ShouldBe(2);
        IntegerOps.ShrL(-8, -1).ShouldBe(-1L);
    }
}
