// FastMathFlags: the IR's per-flag function flags become exactly those LLVM flags on float instructions.
using Shouldly;
using Xunit;
using static NumbaWeaver.Tests.Backend.BackendHarness;

namespace NumbaWeaver.Tests.Parallel;

public class FastMathFlagsTests
{
    // static double Dot(double[] a, double[] b) { double s = 0; for (int i = 0; i < a.Length; i++) s += a[i] * b[i]; return s; }
    private static string Dot(string flags) => Func("T$::Dot", "f64", flags, ["param f64[] a", "param f64[] b", "local f64 s", "local i32 i"],
        F64(0.0), "stloc", "const t=i32", "stloc i=1", "br ->19",
        "ldloc", "ldarg", "ldloc i=1", "ldelem t2=f64[]", "ldarg i=1", "ldloc i=1", "ldelem t2=f64[]", "mul t=f64", "add t=f64", "stloc",
        "ldloc i=1", "const t=i32 i=1", "add t=i32", "stloc i=1",
        "ldloc i=1", "ldarg", "arrlen t=i32 t2=f64[]", "clt t=i32", "brtrue t=i32 ->5",
        "ldloc", "ret");

    [Fact]
    public void A_subset_sets_only_those_flags()
    {
        string text = LowerToText("T$::Dot", [Dot("entry,boundscheck,fastreassoc,fastcontract")]);
        text.ShouldContain("fmul reassoc contract double");
        text.ShouldContain("fadd reassoc contract double");
        text.ShouldNotContain(" fast ");
        text.ShouldNotContain("nnan");
    }

    [Fact]
    public void No_flags_means_strict_ieee()
    {
        string text = LowerToText("T$::Dot", [Dot("entry,boundscheck")]);
        text.ShouldContain("fmul double");
        text.ShouldNotContain("reassoc");
    }
}
