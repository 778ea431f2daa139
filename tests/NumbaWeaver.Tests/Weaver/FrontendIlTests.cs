// Frontend tests on hand-written IL: branch forms and native-int mixes that Debug builds of C# never emit.
extern alias weaver;

using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Shouldly;
using Xunit;
using Diagnostic = weaver::NumbaWeaver.Weaving.Diagnostics.Diagnostic;
using IrFunction = weaver::NumbaWeaver.IR.IrFunction;
using IrVerifier = weaver::NumbaWeaver.IR.IrVerifier;
using ModuleTranslator = weaver::NumbaWeaver.Weaving.Frontend.ModuleTranslator;
using Opcode = weaver::NumbaWeaver.IR.Opcode;

namespace NumbaWeaver.Tests.Weaver;

public class FrontendIlTests
{
    /// <summary>Builds `static ret M(params) { body }` in a fresh in-memory copy of this assembly and translates it.</summary>
    private static (IrFunction? Function, List<Diagnostic> Diagnostics) TranslateIl(
        Type returnType, Type[] parameters, Action<ILProcessor> body)
    {
        var module = ModuleDefinition.ReadModule(typeof(FrontendIlTests).Assembly.Location);
        var type = new TypeDefinition("Synthetic", "Il", TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed,
            module.ImportReference(typeof(object)));
        module.Types.Add(type);
        var method = new MethodDefinition("M", MethodAttributes.Public | MethodAttributes.Static, module.ImportReference(returnType));
        foreach (var p in parameters) method.Parameters.Add(new ParameterDefinition(module.ImportReference(p)));
        type.Methods.Add(method);
        body(method.Body.GetILProcessor());
        var diagnostics = new List<Diagnostic>();
        var ir = new ModuleTranslator(module).Translate(new[] { method }, diagnostics);
        return (ir.Functions.SingleOrDefault(), diagnostics);
    }

    [Theory]
    [InlineData("Beq", false, Opcode.Ceq, Opcode.BrTrue)]
    [InlineData("Bne_Un", false, Opcode.Ceq, Opcode.BrFalse)]
    [InlineData("Bgt", false, Opcode.Cgt, Opcode.BrTrue)]
    [InlineData("Bgt_Un", false, Opcode.CgtUn, Opcode.BrTrue)]
    [InlineData("Blt", false, Opcode.Clt, Opcode.BrTrue)]
    [InlineData("Blt_Un", false, Opcode.CltUn, Opcode.BrTrue)]
    [InlineData("Bge", false, Opcode.Clt, Opcode.BrFalse)]
    [InlineData("Bge_Un", false, Opcode.CltUn, Opcode.BrFalse)]
    [InlineData("Ble", false, Opcode.Cgt, Opcode.BrFalse)]
    [InlineData("Ble_Un", false, Opcode.CgtUn, Opcode.BrFalse)]
    [InlineData("Beq", true, Opcode.Ceq, Opcode.BrTrue)]
    [InlineData("Bne_Un", true, Opcode.Ceq, Opcode.BrFalse)]
    [InlineData("Bgt", true, Opcode.Cgt, Opcode.BrTrue)]
    [InlineData("Bgt_Un", true, Opcode.CgtUn, Opcode.BrTrue)]
    [InlineData("Blt", true, Opcode.Clt, Opcode.BrTrue)]
    [InlineData("Blt_Un", true, Opcode.CltUn, Opcode.BrTrue)]
    [InlineData("Bge", true, Opcode.CltUn, Opcode.BrFalse)]
    [InlineData("Bge_Un", true, Opcode.Clt, Opcode.BrFalse)]
    [InlineData("Ble", true, Opcode.CgtUn, Opcode.BrFalse)]
    [InlineData("Ble_Un", true, Opcode.Cgt, Opcode.BrFalse)]
    public void Compare_branches_keep_CIL_semantics_for_ints_and_floats(string branch, bool isFloat, Opcode compare, Opcode test)
    {
        var opcode = (OpCode)typeof(OpCodes).GetField(branch)!.GetValue(null)!;
        var (f, diagnostics) = TranslateIl(
            typeof(int),
            isFloat ? new[] { typeof(double), typeof(double) } : new[] { typeof(int), typeof(int) },
            il =>
            {
                var taken = il.Create(OpCodes.Ldc_I4_1);
                il.Emit(OpCodes.Ldarg_0);
                il.Emit(OpCodes.Ldarg_1);
                il.Emit(opcode, taken);
                il.Emit(OpCodes.Ldc_I4_0);
                il.Emit(OpCodes.Ret);
                il.Append(taken);
                il.Emit(OpCodes.Ret);
            });
        diagnostics.ShouldBeEmpty();
        f!.Body.Select(i => i.Op).ShouldBe(new[]
        {
            Opcode.LdArg, Opcode.LdArg, compare, test, Opcode.Const, Opcode.Ret, Opcode.Const, Opcode.Ret,
        });
        f.Body[2].Type!.IsFloat.ShouldBe(isFloat);
        f.Body[3].Targets.ShouldBe(new[] { 6 });
    }

    [Fact]
    public void A_native_int_below_the_top_is_widened_through_a_scratch_local()
    {
        // i32 (below) + i64 (top): CIL allows int32 op native int; the IR needs one operand type.
        var (f, diagnostics) = TranslateIl(typeof(long), new[] { typeof(int), typeof(long) }, il =>
        {
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldarg_1);
            il.Emit(OpCodes.Add);
            il.Emit(OpCodes.Ret);
        });
        diagnostics.ShouldBeEmpty();
        f!.Body.Select(i => i.Op).ShouldBe(new[]
        {
            Opcode.LdArg, Opcode.LdArg, Opcode.StLoc, Opcode.Conv, Opcode.LdLoc, Opcode.Add, Opcode.Ret,
        });
        f.Locals.ShouldHaveSingleItem().Type.ToString().ShouldBe("i64");
        IrVerifier.Verify(f, null).ShouldBeEmpty();
    }

    [Fact]
    public void A_native_int_on_top_is_widened_in_place()
    {
        var (f, diagnostics) = TranslateIl(typeof(long), new[] { typeof(long), typeof(int) }, il =>
        {
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldarg_1);
            il.Emit(OpCodes.Conv_I); // native int from int32: sign-extending, i64 in the IR
            il.Emit(OpCodes.Ldarg_1);
            il.Emit(OpCodes.Add);    // native int + int32
            il.Emit(OpCodes.Sub);
            il.Emit(OpCodes.Ret);
        });
        diagnostics.ShouldBeEmpty();
        f!.Body.Select(i => i.Op).ShouldBe(new[]
        {
            Opcode.LdArg, Opcode.LdArg, Opcode.Conv, Opcode.LdArg, Opcode.Conv, Opcode.Add, Opcode.Sub, Opcode.Ret,
        });
        f.Body[2].Type!.ToString().ShouldBe("i64");
    }

    [Fact]
    public void Branch_targets_skip_dropped_nops_and_keep_the_stack_of_the_first_edge()
    {
        // return a ? 1 : 2; with nops at the join, as Debug builds emit them.
        var (f, diagnostics) = TranslateIl(typeof(int), new[] { typeof(int) }, il =>
        {
            var second = il.Create(OpCodes.Ldc_I4_2);
            var join = il.Create(OpCodes.Nop);
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Brfalse_S, second);
            il.Emit(OpCodes.Ldc_I4_1);
            il.Emit(OpCodes.Br_S, join);
            il.Append(second);
            il.Append(join);
            il.Emit(OpCodes.Ret);
        });
        diagnostics.ShouldBeEmpty();
        f!.Body.Select(i => i.Op).ShouldBe(new[]
        {
            Opcode.LdArg, Opcode.BrFalse, Opcode.Const, Opcode.Br, Opcode.Const, Opcode.Ret,
        });
        f.Body[1].Targets.ShouldBe(new[] { 4 });
        f.Body[3].Targets.ShouldBe(new[] { 5 });
    }

    [Fact]
    public void A_null_test_of_an_array_is_a_constant_branch()
    {
        var (f, diagnostics) = TranslateIl(typeof(int), new[] { typeof(double[]) }, il =>
        {
            var notNull = il.Create(OpCodes.Ldc_I4_1);
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Brtrue_S, notNull);
            il.Emit(OpCodes.Ldc_I4_0);
            il.Emit(OpCodes.Ret);
            il.Append(notNull);
            il.Emit(OpCodes.Ret);
        });
        diagnostics.ShouldBeEmpty();
        f!.Body.Select(i => i.Op).Take(4).ShouldBe(new[] { Opcode.LdArg, Opcode.Pop, Opcode.Const, Opcode.BrTrue });
    }

    [Fact]
    public void Unknown_opcodes_are_named()
    {
        var (f, diagnostics) = TranslateIl(typeof(double), new[] { typeof(double) }, il =>
        {
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ckfinite);
            il.Emit(OpCodes.Ret);
        });
        f.ShouldBeNull();
        var d = diagnostics.ShouldHaveSingleItem();
        d.Code.ShouldBe("NJ0099");
        d.Message.ShouldContain("ckfinite");
    }
}
