// Frontend tests of try/finally: what a finally block translates to, and which protected regions stay NJ0201.
extern alias weaver;

using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Shouldly;
using Xunit;
using NumbaWeaver.Tests.Weaver;
using Diagnostic = weaver::NumbaWeaver.Weaving.Diagnostics.Diagnostic;
using IrModule = weaver::NumbaWeaver.IR.IrModule;
using IrParser = weaver::NumbaWeaver.IR.IrParser;
using IrPrinter = weaver::NumbaWeaver.IR.IrPrinter;
using IrVerifier = weaver::NumbaWeaver.IR.IrVerifier;
using Opcode = weaver::NumbaWeaver.IR.Opcode;

namespace NumbaWeaver.Tests.Language;

/// <summary>Methods translated (not woven) by the tests below.</summary>
public static class FinallySamples
{
    private static readonly object Gate = new();

    public static int TryFinally(int n, int[] log)
    {
        try
        {
            if (n < 0) return -n;
        }
        finally
        {
            log[0] = n;
        }
        return n;
    }

    public static int Using(int n)
    {
        using var d = new Disposable();
        return n;
    }

    public static int Locked(int n)
    {
        lock (Gate) return n + 1;
    }

    public static int TryCatch(int n)
    {
        try
        {
            return 10 / n;
        }
        catch (DivideByZeroException)
        {
            return 0;
        }
    }

    public sealed class Disposable : IDisposable
    {
        public void Dispose() { }
    }
}

public class FinallyFrontendTests
{
    private static readonly Lazy<ModuleDefinition> Module = FrontendHarness.ReadTestAssembly();

    private static (IrModule Module, List<Diagnostic> Diagnostics) Translate(string name) =>
        FrontendHarness.Translate(Module.Value, typeof(FinallySamples), name);

    [Fact]
    public void A_finally_block_becomes_a_protected_region_with_a_route_switch()
    {
        var (module, diagnostics) = Translate(nameof(FinallySamples.TryFinally));
        diagnostics.ShouldBeEmpty(string.Join("\n", diagnostics));
        IrVerifier.Verify(module).ShouldBeEmpty();
        var body = module.Functions[0].Body;
        body.Count(i => i.Op == Opcode.Protect).ShouldBe(1);
        body.Count(i => i.Op == Opcode.EndProtect).ShouldBe(1);
        body.Count(i => i.Op == Opcode.ReturnStatus).ShouldBe(1);
        body.Single(i => i.Op == Opcode.Switch).Targets.Count.ShouldBe(2); // the return and the fall-through exit
        var protect = body.IndexOf(body.Single(i => i.Op == Opcode.Protect));
        body.IndexOf(body.Single(i => i.Op == Opcode.EndProtect)).ShouldBeLessThan(body[protect].Targets[0]);
        // The text form (the embedded resource) keeps the new opcodes.
        IrPrinter.Print(IrParser.ParseModule(IrPrinter.Print(module))).ShouldBe(IrPrinter.Print(module));
    }

    [Theory]
    [InlineData(nameof(FinallySamples.Using), "'using', 'lock'")]
    [InlineData(nameof(FinallySamples.Locked), "'using', 'lock'")]
    [InlineData(nameof(FinallySamples.TryCatch), "try/catch")]
    public void Catch_using_and_lock_stay_NJ0201(string method, string construct)
    {
        var (module, diagnostics) = Translate(method);
        module.Functions.ShouldBeEmpty();
        var d = diagnostics.First(x => x.Code == "NJ0201");
        d.Message.ShouldContain(construct);
        d.Message.ShouldContain("is not supported in [Njit] code");
    }
}
