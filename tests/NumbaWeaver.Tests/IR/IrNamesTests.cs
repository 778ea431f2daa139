// The parser's reflection-free name tables (IrNames) name every opcode and flag exactly as the enums do.
using System;
using System.Linq;
using NumbaWeaver.IR;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.IR;

public class IrNamesTests
{
    [Fact]
    public void Opcode_table_is_indexed_by_value_and_covers_every_opcode()
    {
        var values = Enum.GetValues<Opcode>();
        IrNames.Opcodes.Length.ShouldBe(values.Length);
        foreach (var op in values) IrNames.Opcodes[(int)op].ShouldBe(op.ToString());
    }

    [Fact]
    public void Scalar_type_names_are_the_kind_names_in_lower_case()
    {
        foreach (var kind in Enum.GetValues<TypeKind>())
        {
            if (kind > TypeKind.F64) continue; // composite kinds print their parts
            var type = IrType.Parse(kind.ToString().ToLowerInvariant());
            type.Kind.ShouldBe(kind);
            type.ToString().ShouldBe(kind.ToString().ToLowerInvariant());
        }
        IrType.TypeParameter(12).ToString().ShouldBe("T12");
    }

    [Fact]
    public void Flag_table_covers_every_flag_but_None()
    {
        var flags = Enum.GetValues<FunctionFlags>().Where(f => f != FunctionFlags.None).ToArray();
        IrNames.Flags.ShouldBe(flags, ignoreOrder: true);
        for (int i = 0; i < IrNames.Flags.Length; i++) IrNames.FlagNames[i].ShouldBe(IrNames.Flags[i].ToString());
    }

    [Fact]
    public void Printed_flags_parse_back()
    {
        foreach (var flag in IrNames.Flags)
        {
            IrNames.TryParseFlag(IrPrinter.FormatFlags(flag), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(flag);
        }

        IrNames.TryParseFlag("nosuchflag", out _).ShouldBeFalse();
    }

    [Fact]
    public void Unknown_flag_is_a_parse_error_with_its_line()
    {
        var error = Should.Throw<FormatException>(() => IrParser.ParseFunction("func \"f\" -> void entry,bogus\nret\nend\n"));
        error.Message.ShouldContain("line 1");
        error.Message.ShouldContain("bogus");
    }
}
