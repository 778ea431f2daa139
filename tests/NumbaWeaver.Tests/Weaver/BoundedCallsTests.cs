// Which entries skip the GC transition: never one that can call back into the runtime to raise an exception.
extern alias weaver;
using Shouldly;
using Xunit;
using weaver::NumbaWeaver.IR; // the weaver's own copy of the IR types (linked sources)
using BoundedCalls = weaver::NumbaWeaver.Weaving.Stubs.BoundedCalls;

namespace NumbaWeaver.Tests.Weaver;

public class BoundedCallsTests
{
    private static IrFunction CallingIntrinsic(string name)
    {
        var f = new IrFunction("T::F", IrType.F64);
        f.Body.Add(new Instruction(Opcode.LdArg));
        f.Body.Add(new Instruction(Opcode.CallIntrinsic) { Name = name });
        f.Body.Add(new Instruction(Opcode.Ret));
        return f;
    }

    [Theory]
    [InlineData("Math.Sqrt(f64)", true)]
    [InlineData("Math.Round(f64)", true)]
    [InlineData("Math.Clamp(f64,f64,f64)", false)]
    [InlineData("Math.Clamp(i32,i32,i32)", false)]
    [InlineData("Math.Round(f64,i32)", false)]
    [InlineData("MathF.Round(f32,i32)", false)]
    public void Library_math_is_bounded_unless_it_raises_through_the_runtime(string intrinsic, bool bounded) =>
        BoundedCalls.IsBounded(CallingIntrinsic(intrinsic)).ShouldBe(bounded);

    /// <summary>Straight-line code that allocates calls the runtime (numbaweaver_new_array, copy_too_short): never bounded.</summary>
    [Theory]
    [InlineData(Opcode.NewArr)]
    [InlineData(Opcode.StackAlloc)]
    [InlineData(Opcode.Fill)]
    [InlineData(Opcode.CopyTo)]
    public void Allocating_entries_keep_the_GC_transition(Opcode op)
    {
        var f = new IrFunction("T::F", IrType.Void);
        f.Body.Add(new Instruction(Opcode.Const) { Type = IrType.I32, Int = 4 });
        f.Body.Add(new Instruction(op) { Type = IrType.SpanOf(IrType.F64), Type2 = IrType.SpanOf(IrType.F64) });
        f.Body.Add(new Instruction(Opcode.Ret));
        BoundedCalls.IsBounded(f).ShouldBeFalse();
        f.Body[1].Op = Opcode.Nop;
        BoundedCalls.IsBounded(f).ShouldBeTrue(); // the same function without the allocation is bounded
    }
}
