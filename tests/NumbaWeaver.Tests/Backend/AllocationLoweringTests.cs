// The backend's stackalloc choice: a constant small size outside loops is an alloca, anything else a GC array.
using NumbaWeaver.Backend;
using Shouldly;
using Xunit;
using static NumbaWeaver.Tests.Backend.BackendHarness;

namespace NumbaWeaver.Tests.Backend;

public class AllocationLoweringTests
{
    private static string StackAllocOf(string length, bool inLoop) =>
        inLoop
            ? Func("T$::S", "i32", "entry", ["param i32 n", "local span<i32> s", "local i32 i"],
                "ldloc i=1", "ldarg", "clt t=i32", "brfalse t=i32 ->12", length, "stackalloc t=span<i32>", "stloc",
                "ldloc i=1", "const t=i32 i=1", "add t=i32", "stloc i=1", "br ->0", "ldloc i=1", "ret")
            : Func("T$::S", "i32", "entry", ["param i32 n", "local span<i32> s"],
                length, "stackalloc t=span<i32>", "stloc", "ldloc", "arrlen t=i32 t2=span<i32>", "ret");

    [Fact]
    public void A_small_constant_stackalloc_outside_loops_is_a_stack_slot()
    {
        var text = LowerToText(NameOf(StackAllocOf("const t=i32 i=4", false)), [StackAllocOf("const t=i32 i=4", false)]);
        text.ShouldContain("alloca [4 x i32]");
        text.ShouldNotContain(RuntimeSymbols.NewArray);
    }

    [Theory]
    [InlineData("ldarg", false)]            // variable size
    [InlineData("const t=i32 i=100000", false)] // larger than 4 KiB
    [InlineData("const t=i32 i=4", true)]   // inside a loop: may run many times per call
    public void Other_stackallocs_take_GC_memory(string length, bool inLoop)
    {
        var f = StackAllocOf(length, inLoop);
        var text = LowerToText(NameOf(f), [f]);
        text.ShouldContain(RuntimeSymbols.NewArray);
        text.ShouldNotContain("alloca [4 x i32]");
    }
}
