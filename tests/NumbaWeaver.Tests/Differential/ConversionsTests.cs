// Differential tests of Conversions: truncation, extension, saturating float-to-integer casts (.NET 10) and checked casts.
using System;
using System.Collections.Generic;
using Kernels.Fixture;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Differential;

public class ConversionsTests
{
    public static IEnumerable<object[]> Kernels => Corpus.Kernels(typeof(Conversions));

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Kernel_matches_csharp_on_edge_values(string name) => Corpus.Check(typeof(Conversions), name);

    [Fact]
    public void Float_to_integer_saturates_and_checked_casts_throw()
    {
        Conversions.DoubleToInt(double.NaN).ShouldBe(0);
        Conversions.DoubleToInt(1e300).ShouldBe(int.MaxValue);
        Conversions.DoubleToULong(-1).ShouldBe(0UL);
        Should.Throw<OverflowException>(() => Conversions.CheckedDoubleToInt(2147483648.0));
        Conversions.CheckedDoubleToInt(2147483647.5).ShouldBe(int.MaxValue);
    }
}
