// Differential tests of MathFunctions: every Math/MathF function on its edge-value grid, all MidpointRounding modes.
using System;
using System.Collections.Generic;
using Kernels.Fixture;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Differential;

public class MathFunctionsTests
{
    public static IEnumerable<object[]> Kernels => Corpus.Kernels(typeof(MathFunctions));

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Kernel_matches_csharp_on_edge_values(string name) => Corpus.Check(typeof(MathFunctions), name);

    [Fact]
    public void Library_exceptions_surface_with_their_types()
    {
        Should.Throw<ArithmeticException>(() => MathFunctions.SignD(double.NaN));
        Should.Throw<ArgumentException>(() => MathFunctions.ClampI(0, 2, 1));
        Should.Throw<ArgumentException>(() => MathFunctions.RoundMode(0.5, (MidpointRounding)7));
        Should.Throw<OverflowException>(() => MathFunctions.AbsI(int.MinValue));
        MathFunctions.RoundAwayFromZero(-2.5).ShouldBe(-3);
    }
}
