// Frontend tests: this assembly's own sample methods are read with Cecil and translated to IR, or rejected with NJ codes.
extern alias weaver;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Mono.Cecil;
using Shouldly;
using Xunit;
using Diagnostic = weaver::NumbaWeaver.Weaving.Diagnostics.Diagnostic;
using FunctionFlags = weaver::NumbaWeaver.IR.FunctionFlags;
using IrFunction = weaver::NumbaWeaver.IR.IrFunction;
using IrModule = weaver::NumbaWeaver.IR.IrModule;
using GenericInstantiation = weaver::NumbaWeaver.IR.GenericInstantiation;
using GenericInstances = weaver::NumbaWeaver.IR.GenericInstances;
using IrParser = weaver::NumbaWeaver.IR.IrParser;
using IrPrinter = weaver::NumbaWeaver.IR.IrPrinter;
using IrType = weaver::NumbaWeaver.IR.IrType;
using IrVerifier = weaver::NumbaWeaver.IR.IrVerifier;
using ModuleTranslator = weaver::NumbaWeaver.Weaving.Frontend.ModuleTranslator;
using Opcode = weaver::NumbaWeaver.IR.Opcode;
using TypeMapper = weaver::NumbaWeaver.Weaving.Frontend.TypeMapper;

namespace NumbaWeaver.Tests.Weaver;

public class FrontendTests
{
    private const string SamplesType = "NumbaWeaver.Tests.Weaver.FrontendSamples";

    private static readonly Lazy<ModuleDefinition> Module = FrontendHarness.ReadTestAssembly();

    private static readonly Lazy<string[]> SourceLines = new(() => File.ReadAllLines(FrontendSamples.SourcePath));

    private static MethodDefinition Method(Type type, string name) => FrontendHarness.Method(Module.Value, type, name);

    private static (IrModule Module, List<Diagnostic> Diagnostics) Translate(Type type, params string[] roots) =>
        FrontendHarness.Translate(Module.Value, type, roots);

    /// <summary>Translates a supported sample, asserting no diagnostics and a verified function.</summary>
    private static IrFunction Supported(string name, out IrModule module)
    {
        var (m, diagnostics) = Translate(typeof(FrontendSamples), name);
        diagnostics.ShouldBeEmpty(string.Join("\n", diagnostics));
        IrVerifier.Verify(m).ShouldBeEmpty();
        module = m;
        return m.Functions[0];
    }

    private static string Printed(string name) => IrPrinter.Print(Supported(name, out _));

    private static int MarkerLine(string marker)
    {
        var lines = SourceLines.Value;
        int index = Array.FindIndex(lines, l => l.EndsWith("// MARK " + marker, StringComparison.Ordinal));
        index.ShouldBeGreaterThanOrEqualTo(0, $"marker {marker} not found");
        return index + 1;
    }

    // ---- supported code ----

    [Theory]
    [InlineData("Dot")]
    [InlineData("SumFast")]
    [InlineData("NeverInlined")]
    [InlineData("FirstNegative")]
    [InlineData("Classify")]
    [InlineData("Ternary")]
    [InlineData("InRange")]
    [InlineData("Checked")]
    [InlineData("Conversions")]
    [InlineData("MathCalls")]
    [InlineData("Matrix")]
    [InlineData("SpanSum")]
    [InlineData("SpanScale")]
    [InlineData("SpanFromArray")]
    [InlineData("RefOut")]
    [InlineData("CallsRefOut")]
    [InlineData("Fib")]
    [InlineData("CallsHelper")]
    [InlineData("FloatCompare")]
    [InlineData("Unsigned")]
    [InlineData("Shifts")]
    [InlineData("Bools")]
    [InlineData("ElementTypes")]
    [InlineData("WhileLoop")]
    [InlineData("Void")]
    public void Sample_translates_to_verified_IR_that_round_trips(string name)
    {
        var f = Supported(name, out var module);
        f.SourceFile.ShouldBe("FrontendSamples.cs");
        f.Body.ShouldContain(i => i.Line > 0);
        var text = IrPrinter.Print(module);
        IrPrinter.Print(IrParser.ParseModule(text)).ShouldBe(text);
    }

    [Fact]
    public void Function_names_use_IR_parameter_types()
    {
        ModuleTranslator.FunctionName(Method(typeof(FrontendSamples), "Dot")).ShouldBe(SamplesType + "::Dot(f64[],f64[])");
        ModuleTranslator.FunctionName(Method(typeof(FrontendSamples), "RefOut")).ShouldBe(SamplesType + "::RefOut(ref<i32>,ref<f64>,ref<f32>)");
        ModuleTranslator.FunctionName(Method(typeof(FrontendSamples), "SpanSum")).ShouldBe(SamplesType + "::SpanSum(rospan<f64>)");
        ModuleTranslator.FunctionName(Method(typeof(FrontendSamples), "Matrix")).ShouldBe(SamplesType + "::Matrix(f64[,])");
    }

    [Fact]
    public void IsNjit_finds_the_attribute()
    {
        ModuleTranslator.IsNjit(Method(typeof(FrontendSamples), "Dot")).ShouldBeTrue();
        ModuleTranslator.IsNjit(Method(typeof(FrontendSamples), "Helper")).ShouldBeFalse();
    }

    [Fact]
    public void Attribute_options_become_function_flags()
    {
        Supported("Dot", out _).Flags.ShouldBe(FunctionFlags.Entry | FunctionFlags.BoundsCheck);
        Supported("SumFast", out _).Flags.ShouldBe(FunctionFlags.Entry | FunctionFlags.FastMath | FunctionFlags.InlineAlways);
        Supported("NeverInlined", out _).Flags.ShouldBe(FunctionFlags.Entry | FunctionFlags.BoundsCheck | FunctionFlags.InlineNever);
    }

    [Fact]
    public void Callees_are_translated_transitively_without_the_entry_flag()
    {
        Supported("CallsHelper", out var module);
        module.Functions.Select(f => f.Name).ShouldBe(new[]
        {
            SamplesType + "::CallsHelper(f64[])", SamplesType + "::Dot(f64[],f64[])", SamplesType + "::Helper(i32)",
        });
        // Dot carries [Njit] but is not a root here: its options, no Entry.
        module.Find(SamplesType + "::Dot(f64[],f64[])")!.Flags.ShouldBe(FunctionFlags.BoundsCheck);
        module.Find(SamplesType + "::Helper(i32)")!.Flags.ShouldBe(FunctionFlags.BoundsCheck);
        IrPrinter.Print(module.Functions[0]).ShouldContain($"call n=\"{SamplesType}::Helper(i32)\"");
    }

    [Fact]
    public void Recursion_calls_itself_by_name()
    {
        var f = Supported("Fib", out var module);
        module.Functions.Count.ShouldBe(1);
        f.Body.Count(i => i.Op == Opcode.Call && i.Name == f.Name).ShouldBe(2);
    }

    [Fact]
    public void Dot_has_the_expected_shape()
    {
        var text = Printed("Dot");
        text.ShouldContain("param f64[] a");
        text.ShouldContain("local f64 s");
        text.ShouldContain("local i32 i");
        text.ShouldContain("ldelem t2=f64[]");
        text.ShouldContain("arrlen t=i64 t2=f64[]");
        text.ShouldContain("conv t=i32 t2=i64");
        text.ShouldContain("mul t=f64");
        text.ShouldContain("clt t=i32");
        text.ShouldContain("brtrue t=i32");
        text.ShouldContain("ret t=f64");
        text.ShouldNotContain("nop");
    }

    [Fact]
    public void Float_branches_use_unordered_compares()
    {
        // if (a >= b) → branch away when !(a >= b), i.e. when a < b or unordered: bge.un? No — C# emits
        // blt.un to skip the then-block, which is CltUn + BrTrue; ble likewise becomes CgtUn.
        var text = Printed("FloatCompare");
        (text.Contains("cltun t=f32") || text.Contains("clt t=f32")).ShouldBeTrue();
        text.ShouldContain("t=f32");
        text.ShouldContain("ret t=f32");
    }

    [Fact]
    public void Switch_has_a_jump_table()
    {
        var f = Supported("Classify", out _);
        f.Body.Single(i => i.Op == Opcode.Switch).Targets.Count.ShouldBe(5);
    }

    [Fact]
    public void Checked_arithmetic_uses_overflow_opcodes()
    {
        var text = Printed("Checked");
        text.ShouldContain("mulovf t=i32");
        text.ShouldContain("addovf t=i32");
        text.ShouldContain("subovf t=i32");
        text.ShouldContain("conv t=i32 t2=i32 i=3"); // (int)uint in checked: conv.ovf.i4.un
    }

    [Fact]
    public void Conversions_keep_source_types_and_flags()
    {
        var text = Printed("Conversions");
        text.ShouldContain("conv t=u64 t2=i32");      // (long)uint zero-extends: conv.u8
        text.ShouldContain("conv t=i64 t2=f64");
        text.ShouldContain("conv t=f64 t2=i64 i=2");  // ulong → double: conv.r.un
        text.ShouldContain("conv t=i16 t2=i32");
        text.ShouldContain("conv t=u16 t2=i32");
    }

    [Fact]
    public void Math_calls_become_intrinsics()
    {
        var f = Supported("MathCalls", out _);
        var names = f.Body.Where(i => i.Op == Opcode.CallIntrinsic).Select(i => i.Name).ToList();
        names.ShouldBe(new[]
        {
            "Math.Sqrt(f64)", "Math.Pow(f64,f64)", "MathF.Sin(f32)", "Math.Abs(i32)", "Math.Max(i64,i64)",
            "Math.Round(f64,i32)", "Math.FusedMultiplyAdd(f64,f64,f64)",
        });
    }

    [Fact]
    public void Multidimensional_arrays_use_rank_two_ops()
    {
        var text = Printed("Matrix");
        text.ShouldContain("arrdimlen t2=f64[,]");
        text.ShouldContain("elemaddr t2=f64[,]");
        text.ShouldContain("arrlen t=i32 t2=f64[,]");
        text.ShouldContain("const t=i32 i=2"); // Rank
    }

    [Fact]
    public void Spans_are_modelled_on_their_values()
    {
        var sum = Printed("SpanSum");
        sum.ShouldContain("param rospan<f64> s");
        sum.ShouldContain("arrlen t=i32 t2=rospan<f64>");
        sum.ShouldContain("elemaddr t2=rospan<f64>");
        sum.ShouldContain("ldind t=f64");
        var scale = Printed("SpanScale");
        scale.ShouldContain("stind t=f64");
        var conversions = Printed("SpanFromArray");
        conversions.ShouldContain("tospan t=span<f64> t2=f64[]");
        conversions.ShouldContain("tospan t=rospan<f64> t2=span<f64>");
    }

    [Fact]
    public void Ref_out_and_in_parameters_are_references()
    {
        var f = Supported("RefOut", out _);
        f.Parameters.Select(p => p.Type.ToString()).ShouldBe(new[] { "ref<i32>", "ref<f64>", "ref<f32>" });
        var text = IrPrinter.Print(f);
        text.ShouldContain("ldind t=i32");
        text.ShouldContain("stind t=i32");
        text.ShouldContain("ldind t=f32");
        text.ShouldContain("stind t=f64");
        Printed("CallsRefOut").ShouldContain("ldloca");
    }

    [Fact]
    public void Small_element_types_load_and_store()
    {
        var text = Printed("ElementTypes");
        foreach (var t in new[] { "u8[]", "i8[]", "i16[]", "u16[]", "char[]", "u32[]", "i64[]", "u64[]", "f32[]", "bool[]" })
        {
            text.ShouldContain("ldelem t2=" + t);
            text.ShouldContain("stelem t2=" + t);
        }
    }

    [Fact]
    public void Instructions_carry_source_lines()
    {
        var f = Supported("Dot", out _);
        var lines = f.Body.Where(i => i.Line > 0).Select(i => i.Line).Distinct().ToList();
        int declaration = Array.FindIndex(SourceLines.Value, l => l.Contains("public static double Dot(", StringComparison.Ordinal)) + 1;
        lines.ShouldAllBe(l => l > declaration && l < declaration + 8);
    }

    [Fact]
    public void Type_mapper_maps_primitives_and_rejects_objects()
    {
        var dot = Method(typeof(FrontendSamples), "Dot");
        TypeMapper.Map(dot.ReturnType).ShouldBe(IrType.F64);
        TypeMapper.Map(dot.Parameters[0].ParameterType).ShouldBe(IrType.ArrayOf(IrType.F64));
        TypeMapper.Map(Method(typeof(UnsupportedSamples), "ReturnsObject").ReturnType).ShouldBeNull();
        TypeMapper.Map(Method(typeof(FrontendSamples), "RefOut").Parameters[2].ParameterType).ShouldBe(IrType.RefTo(IrType.F32));
    }

    // ---- unsupported code ----

    [Theory]
    [InlineData("Allocates", "NJ0301", "Allocates")]
    [InlineData("UsesString", "NJ0302", "UsesString")]
    [InlineData("ReadsField", "NJ0303", "ReadsField")]
    [InlineData("TryCatch", "NJ0201", "TryCatch")]
    [InlineData("Throws", "NJ0201", "Throws")]
    [InlineData("CallsInstanceMethod", "NJ0101", "CallsInstanceMethod")]
    [InlineData("UnsupportedMath", "NJ0102", "UnsupportedMath")]
    [InlineData("StackAllocates", "NJ0304", "StackAllocates")]
    [InlineData("SlicesSpan", "NJ0103", "SlicesSpan")]
    [InlineData("AllocatesStructs", "NJ0301", "AllocatesStructs")]
    [InlineData("StackAllocatesStructs", "NJ0304", "StackAllocatesStructs")]
    [InlineData("ClearsStructs", "NJ0103", "ClearsStructs")]
    public void Unsupported_construct_is_reported_at_its_line(string method, string code, string marker)
    {
        var (module, diagnostics) = Translate(typeof(UnsupportedSamples), method);
        module.Functions.ShouldBeEmpty();
        // A string or object local is also reported as NJ0003 (its type); the construct is the point here.
        var d = diagnostics.Where(x => x.Code != "NJ0003").ShouldHaveSingleItem(string.Join("\n", diagnostics));
        d.Code.ShouldBe(code);
        d.Method.Name.ShouldBe(method);
        d.Message.ShouldContain("is not supported in [Njit] code");
        d.Message.ShouldContain("UnsupportedSamples." + method);
        d.SequencePoint.ShouldNotBeNull();
        d.SequencePoint!.StartLine.ShouldBe(MarkerLine(marker));
        Path.GetFileName(d.SequencePoint.Document.Url).ShouldBe("FrontendSamples.cs");
    }

    [Fact]
    public void A_call_to_an_njit_method_of_another_woven_assembly_names_that_assembly_and_is_linked_at_run_time()
    {
        var (module, diagnostics) = Translate(typeof(FrontendSamples), "CallsNjitOfAnotherAssembly");
        diagnostics.ShouldBeEmpty(string.Join("\n", diagnostics));
        const string callee = "[Kernels.Fixture]Kernels.Fixture.Arrays::Sum(f64[])";
        var caller = module.Functions.ShouldHaveSingleItem(); // the callee's IR is not copied: the library can change later
        caller.Body.Single(i => i.Op == Opcode.Call).Name.ShouldBe(callee);
        caller.Has(FunctionFlags.CallsOtherAssemblies).ShouldBeTrue();
        module.Find(callee).ShouldBeNull();
    }

    [Fact]
    public void A_generic_method_calling_another_woven_assembly_verifies_and_lists_its_callee_per_instance()
    {
        // Verifying the instances once failed on the callee's declaration ("empty body", NJ9000).
        var (module, diagnostics) = Translate(typeof(FrontendSamples), "GenericCallsNjitOfAnotherAssembly");
        diagnostics.ShouldBeEmpty(string.Join("\n", diagnostics));
        var generic = module.Functions.ShouldHaveSingleItem();
        generic.Has(FunctionFlags.CallsOtherAssemblies).ShouldBeTrue();
        var instance = GenericInstances.Describe(module, generic.Name, [IrType.F32]);
        instance.Fingerprint.ShouldNotBeNull();
        instance.ForeignCallees.ShouldBe(["[Kernels.Fixture]Kernels.Fixture.Arrays::Sum(f64[])"]);
    }

    [Fact]
    public void A_generic_njit_method_of_another_assembly_is_called_with_its_type_arguments_and_instantiated_in_the_caller()
    {
        const string callee = "[Kernels.Fixture]Kernels.Fixture.LanguageGenerics::Dot<T0>(T0[],T0[])";
        var (module, diagnostics) = Translate(typeof(FrontendSamples), "CallsGenericNjitOfAnotherAssembly", "PassesItsTypeToAnotherAssembly");
        diagnostics.ShouldBeEmpty(string.Join("\n", diagnostics));
        module.Find(callee).ShouldBeNull(); // linked at run time, as a non-generic callee
        var concrete = module.Functions.Single(f => f.Name.Contains("CallsGenericNjitOfAnotherAssembly"));
        var call = concrete.Body.Single(i => i.Op == Opcode.Call);
        call.Name.ShouldBe(callee);
        call.Type.ShouldBe(IrType.F64);
        concrete.Has(FunctionFlags.CallsOtherAssemblies).ShouldBeTrue();
        var generic = module.Functions.Single(f => f.Name.Contains("PassesItsTypeToAnotherAssembly"));
        generic.Body.Single(i => i.Op == Opcode.Call).Type.ShouldBe(IrType.TypeParameter(0));
        GenericInstances.Describe(module, generic.Name, [IrType.I32]).ForeignCallees.ShouldBe([callee]);
    }

    [Fact]
    public void A_call_to_a_plain_method_of_another_assembly_says_which_calls_compile()
    {
        var (_, diagnostics) = Translate(typeof(UnsupportedSamples), "CallsPlainMethodOfAnotherAssembly");
        var d = diagnostics.ShouldHaveSingleItem(string.Join("\n", diagnostics));
        d.Code.ShouldBe("NJ0101");
        d.Message.ShouldContain("BinaryPrimitives::ReverseEndianness");
        d.Message.ShouldContain("static [Njit] methods of other assemblies built with NumbaWeaver");
        d.SequencePoint!.StartLine.ShouldBe(MarkerLine("CallsPlainMethodOfAnotherAssembly"));
    }

    [Fact]
    public void A_throw_statement_gives_one_diagnostic()
    {
        var (_, diagnostics) = Translate(typeof(UnsupportedSamples), "Throws");
        diagnostics.Select(d => d.Code).ShouldBe(new[] { "NJ0201" });
    }

    [Fact]
    public void All_problems_of_a_method_are_collected()
    {
        var (_, diagnostics) = Translate(typeof(UnsupportedSamples), "TwoProblems");
        diagnostics.Select(d => (d.Code, d.SequencePoint!.StartLine)).ShouldBe(new[]
        {
            ("NJ0301", MarkerLine("TwoProblems.1")), ("NJ0303", MarkerLine("TwoProblems.2")),
        });
    }

    [Fact]
    public void Instance_roots_and_methods_of_generic_types_are_rejected()
    {
        var (_, instance) = Translate(typeof(UnsupportedSamples), "InstanceRoot");
        instance.ShouldHaveSingleItem().Code.ShouldBe("NJ0001");
        var (_, inGenericType) = Translate(typeof(GenericHolder<>), "InGenericType");
        inGenericType.ShouldHaveSingleItem().Code.ShouldBe("NJ0002");
        var (_, three) = Translate(typeof(UnsupportedSamples), "ThreeTypeParameters");
        three.ShouldHaveSingleItem().Code.ShouldBe("NJ0002");
    }

    [Fact]
    public void Generic_roots_become_generic_functions_that_instantiate_per_type()
    {
        var (module, diagnostics) = Translate(typeof(UnsupportedSamples), "GenericMathRoot");
        diagnostics.ShouldBeEmpty(string.Join("\n", diagnostics));
        var f = module.Functions.ShouldHaveSingleItem();
        f.Name.ShouldBe("NumbaWeaver.Tests.Weaver.UnsupportedSamples::GenericMathRoot<T0>(T0)");
        f.TypeParameterCount.ShouldBe(1);
        f.Body.Count(i => i.Op == Opcode.GenericMath).ShouldBe(4); // One, Max, CreateTruncating, +
        var parsed = IrParser.ParseModule(IrPrinter.Print(module));
        IrPrinter.Print(parsed).ShouldBe(IrPrinter.Print(module));
        foreach (var t in new[] { IrType.F64, IrType.U8, IrType.I64 })
        {
            var closed = GenericInstantiation.Close(parsed, f.Name, new[] { t }, out string name);
            name.ShouldBe($"NumbaWeaver.Tests.Weaver.UnsupportedSamples::GenericMathRoot<{t}>({t})");
            var instance = closed.Find(name)!;
            instance.Body.ShouldNotContain(i => i.Op == Opcode.GenericMath);
            IrVerifier.Verify(closed).ShouldBeEmpty();
        }
    }

    [Fact]
    public void Unsupported_types_are_reported()
    {
        var (_, diagnostics) = Translate(typeof(UnsupportedSamples), "ReturnsObject");
        diagnostics.ShouldContain(d => d.Code == "NJ0003" && d.Message.Contains("System.Object"));
        var (_, strings) = Translate(typeof(UnsupportedSamples), "UsesString");
        strings.ShouldContain(d => d.Code == "NJ0003" && d.Message.Contains("System.String"));
    }

    [Fact]
    public void A_broken_callee_is_reported_in_the_callee()
    {
        var (module, diagnostics) = Translate(typeof(UnsupportedSamples), "CallsBrokenHelper");
        var d = diagnostics.ShouldHaveSingleItem();
        d.Code.ShouldBe("NJ0301");
        d.Method.Name.ShouldBe("BrokenHelper");
        d.SequencePoint!.StartLine.ShouldBe(MarkerLine("BrokenHelper"));
        module.Functions.Select(f => f.Name).ShouldBe(new[] { "NumbaWeaver.Tests.Weaver.UnsupportedSamples::CallsBrokenHelper(i32)" });
    }
}
