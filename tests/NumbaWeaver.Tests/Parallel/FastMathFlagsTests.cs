// FastMathFlags: the IR's per-flag function flags become exactly those LLVM flags on float instructions.
using Shouldly;
using Xunit;
using static NumbaWeaver.Tests.Backend.BackendHarness;

namespace NumbaWeaver.Tests.Parallel;

public class FastMathFlagsTests
{
    [Fact]
    public void A_subset_sets_only_those_flags()
    {
        string text = LowerToText("T$::Dot", [DotProduct("entry,boundscheck,fastreassoc,fastcontract")]);
        text.ShouldContain("fmul reassoc contract double");
        text.ShouldContain("fadd reassoc contract double");
        text.ShouldNotContain(" fast ");
        text.ShouldNotContain("nnan");
    }

    [Fact]
    public void No_flags_means_strict_ieee()
    {
        string text = LowerToText("T$::Dot", [DotProduct("entry,boundscheck")]);
        text.ShouldContain("fmul double");
        text.ShouldNotContain("reassoc");
    }
}
