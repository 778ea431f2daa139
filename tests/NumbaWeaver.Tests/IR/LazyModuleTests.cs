// A module read from text parses each function when it is first found: a compile parses its call closure only.
using System;
using System.Linq;
using NumbaWeaver.IR;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.IR;

public class LazyModuleTests
{
    private static IrFunction Calling(string name, string? callee)
    {
        var f = new IrFunction(name, IrType.I32) { Flags = FunctionFlags.Entry };
        if (callee is null)
        {
            f.Body.Add(new Instruction(Opcode.Const) { Type = IrType.I32, Int = 7 });
        }
        else
        {
            f.Body.Add(new Instruction(Opcode.Call) { Name = callee, Type = IrType.I32 });
        }
        f.Body.Add(new Instruction(Opcode.Ret) { Type = IrType.I32 });
        return f;
    }

    private static string ModuleText()
    {
        var m = new IrModule();
        m.Add(Calling("T::Caller()", "T::Callee()"));
        m.Add(Calling("T::Callee()", null));
        m.Add(Calling("T::Unrelated()", null));
        return IrPrinter.Print(m);
    }

    /// <summary>The text with the last function's first instruction broken (an unknown opcode).</summary>
    private static string TextWithBrokenLastFunction(out int brokenLine)
    {
        var lines = ModuleText().Split('\n');
        int header = Array.FindIndex(lines, l => l.StartsWith("func \"T::Unrelated()\"", StringComparison.Ordinal));
        brokenLine = Array.FindIndex(lines, header, l => l.TrimStart().StartsWith("0:", StringComparison.Ordinal));
        lines[brokenLine] = "  0: frobnicate t=i32";
        return string.Join('\n', lines);
    }

    [Fact]
    public void Reading_finds_every_function_and_keeps_text_order()
    {
        var module = IrParser.ReadModule(ModuleText());
        module.Functions.Select(f => f.Name).ShouldBe(["T::Caller()", "T::Callee()", "T::Unrelated()"]);
        IrPrinter.Print(module).ShouldBe(ModuleText());
    }

    [Fact]
    public void A_call_closure_never_parses_the_functions_outside_it()
    {
        var module = IrParser.ReadModule(TextWithBrokenLastFunction(out _));
        var caller = module.Find("T::Caller()").ShouldNotBeNull();
        module.CallClosure(caller).Select(f => f.Name).ShouldBe(["T::Caller()", "T::Callee()"]);
        module.Find("T::Missing()").ShouldBeNull();
        ReferenceEquals(module.Find("T::Callee()"), module.Find("T::Callee()")).ShouldBeTrue();
    }

    [Fact]
    public void A_broken_function_fails_when_found_and_names_its_line_in_the_whole_text()
    {
        string text = TextWithBrokenLastFunction(out int brokenLine);
        var module = IrParser.ReadModule(text);
        Should.Throw<FormatException>(() => module.Find("T::Unrelated()")).Message.ShouldBe($"IR line {brokenLine + 1}: unknown opcode 'frobnicate'");
        Should.Throw<FormatException>(() => IrParser.ParseModule(text)).Message.ShouldBe($"IR line {brokenLine + 1}: unknown opcode 'frobnicate'");
    }

    [Fact]
    public void Reading_rejects_what_parsing_the_whole_module_rejects()
    {
        string text = ModuleText();
        Should.Throw<FormatException>(() => IrParser.ReadModule("nwir 99\n")).Message.ShouldContain("is not 'nwir 1'");
        Should.Throw<FormatException>(() => IrParser.ReadModule("nwir 1\nstray\n" + text.Substring(text.IndexOf('\n') + 1)))
            .Message.ShouldBe("IR line 2: expected 'func'");
        string twice = text + text.Substring(text.IndexOf("func \"T::Callee()\"", StringComparison.Ordinal));
        Should.Throw<FormatException>(() => IrParser.ReadModule(twice)).Message.ShouldContain("'T::Callee()' is defined twice");
        string junkAfterEnd = text.Replace("end\nfunc \"T::Callee()\"", "end\njunk\nfunc \"T::Callee()\"", StringComparison.Ordinal);
        var module = IrParser.ReadModule(junkAfterEnd);
        Should.Throw<FormatException>(() => module.Find("T::Caller()")).Message.ShouldContain("expected 'func'");
    }

    [Fact]
    public void A_module_read_from_text_is_not_extended()
    {
        var module = IrParser.ReadModule(ModuleText());
        Should.Throw<InvalidOperationException>(() => module.Add(Calling("T::Other()", null)));
    }

    [Fact]
    public void Parallel_finds_parse_each_function_once()
    {
        var module = IrParser.ReadModule(ModuleText());
        var found = new IrFunction?[64];
        System.Threading.Tasks.Parallel.For(0, found.Length, i => found[i] = module.Find(i % 2 == 0 ? "T::Callee()" : "T::Caller()"));
        found.Where((_, i) => i % 2 == 0).Distinct().ShouldHaveSingleItem().ShouldNotBeNull();
        found.Where((_, i) => i % 2 == 1).Distinct().ShouldHaveSingleItem().ShouldNotBeNull();
    }
}
