// Printer/parser round trip and verifier checks on hand-built IR.
using NumbaWeaver.IR;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.IR;

public class IrRoundTripTests
{
    internal static IrFunction SumFunction()
    {
        // double Sum(double[] a) { double s = 0; for (int i = 0; i < a.Length; i++) s += a[i]; return s; }
        var f = new IrFunction("T::Sum(f64[])", IrType.F64) { Flags = FunctionFlags.Entry | FunctionFlags.BoundsCheck };
        f.Parameters.Add(new IrVariable("a", IrType.ArrayOf(IrType.F64)));
        f.Locals.Add(new IrVariable("s", IrType.F64));
        f.Locals.Add(new IrVariable("i", IrType.I32));
        var b = f.Body;
        b.Add(new Instruction(Opcode.Const) { Type = IrType.F64, Float = 0.0 });            // 0
        b.Add(new Instruction(Opcode.StLoc) { Int = 0 });                                  // 1
        b.Add(new Instruction(Opcode.Const) { Type = IrType.I32, Int = 0 });               // 2
        b.Add(new Instruction(Opcode.StLoc) { Int = 1 });                                  // 3
        var toCond = new Instruction(Opcode.Br);                                           // 4
        toCond.Targets.Add(16);
        b.Add(toCond);
        b.Add(new Instruction(Opcode.LdLoc) { Int = 0 });                                  // 5
        b.Add(new Instruction(Opcode.LdArg) { Int = 0 });                                  // 6
        b.Add(new Instruction(Opcode.LdLoc) { Int = 1 });                                  // 7
        b.Add(new Instruction(Opcode.LdElem) { Type2 = IrType.ArrayOf(IrType.F64) });      // 8
        b.Add(new Instruction(Opcode.Add) { Type = IrType.F64 });                          // 9
        b.Add(new Instruction(Opcode.StLoc) { Int = 0 });                                  // 10
        b.Add(new Instruction(Opcode.LdLoc) { Int = 1 });                                  // 11
        b.Add(new Instruction(Opcode.Const) { Type = IrType.I32, Int = 1 });               // 12
        b.Add(new Instruction(Opcode.Add) { Type = IrType.I32 });                          // 13
        b.Add(new Instruction(Opcode.StLoc) { Int = 1 });                                  // 14
        b.Add(new Instruction(Opcode.Nop));                                                // 15
        b.Add(new Instruction(Opcode.LdLoc) { Int = 1 });                                  // 16
        b.Add(new Instruction(Opcode.LdArg) { Int = 0 });                                  // 17
        b.Add(new Instruction(Opcode.ArrLen) { Type = IrType.I64, Type2 = IrType.ArrayOf(IrType.F64) }); // 18
        b.Add(new Instruction(Opcode.Conv) { Type = IrType.I32, Type2 = IrType.I64 });     // 19
        var loop = new Instruction(Opcode.BrTrue) { Type = IrType.I32 };                   // 21 after clt
        b.Add(new Instruction(Opcode.Clt) { Type = IrType.I32 });                          // 20
        loop.Targets.Add(5);
        b.Add(loop);                                                                       // 21
        b.Add(new Instruction(Opcode.LdLoc) { Int = 0, Line = 7, Column = 9 });            // 22
        b.Add(new Instruction(Opcode.Ret));                                                // 23
        return f;
    }

    [Fact]
    public void Hand_built_loop_verifies()
    {
        var m = new IrModule();
        m.Add(SumFunction());
        IrVerifier.Verify(m).ShouldBeEmpty();
    }

    [Fact]
    public void Print_then_parse_gives_the_same_text()
    {
        var m = new IrModule();
        var f = SumFunction();
        f.SourceFile = "dir/with \"quotes\".cs";
        m.Add(f);
        var text = IrPrinter.Print(m);
        var again = IrPrinter.Print(IrParser.ParseModule(text));
        again.ShouldBe(text);
    }

    [Fact]
    public void Float_constants_keep_their_bits()
    {
        foreach (var v in new[] { -0.0, double.NaN, double.PositiveInfinity, 0.1, double.Epsilon, -1e308 })
        {
            var f = new IrFunction("F", IrType.F64);
            f.Body.Add(new Instruction(Opcode.Const) { Type = IrType.F64, Float = v });
            f.Body.Add(new Instruction(Opcode.Ret));
            var back = IrParser.ParseFunction(IrPrinter.Print(f));
            System.BitConverter.DoubleToInt64Bits(back.Body[0].Float).ShouldBe(System.BitConverter.DoubleToInt64Bits(v));
        }
    }

    [Fact]
    public void Verifier_reports_a_type_mismatch()
    {
        var f = new IrFunction("Bad", IrType.F64);
        f.Body.Add(new Instruction(Opcode.Const) { Type = IrType.I32, Int = 1 });
        f.Body.Add(new Instruction(Opcode.Ret));
        IrVerifier.Verify(f, null).ShouldContain(e => e.Contains("return value is i32, expected f64"));
    }

    [Fact]
    public void Verifier_reports_disagreeing_stacks_at_a_join()
    {
        var f = new IrFunction("Join", IrType.I32);
        f.Parameters.Add(new IrVariable("c", IrType.I32));
        f.Body.Add(new Instruction(Opcode.LdArg) { Int = 0 });
        var br = new Instruction(Opcode.BrTrue) { Type = IrType.I32 };
        br.Targets.Add(3);
        f.Body.Add(br);
        f.Body.Add(new Instruction(Opcode.Const) { Type = IrType.I32, Int = 1 });
        f.Body.Add(new Instruction(Opcode.Ret));
        IrVerifier.Verify(f, null).ShouldContain(e => e.Contains("disagrees"));
    }

    [Theory]
    [InlineData("f64[]")]
    [InlineData("i32[,,]")]
    [InlineData("span<u8>")]
    [InlineData("rospan<f32>")]
    [InlineData("ref<i64>")]
    [InlineData("char")]
    public void Types_parse_their_own_text(string text) => IrType.Parse(text).ToString().ShouldBe(text);
}
