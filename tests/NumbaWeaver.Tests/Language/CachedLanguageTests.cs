// Object code with throws and static readonly arrays, loaded by the cache's ELF loader, links to the runtime's callbacks.
using System;
using NumbaWeaver.Backend;
using NumbaWeaver.Cache;
using NumbaWeaver.Compiler;
using NumbaWeaver.Dispatch;
using NumbaWeaver.IR;
using Shouldly;
using Xunit;
using static NumbaWeaver.Tests.Backend.BackendHarness;

namespace NumbaWeaver.Tests.Language;

public unsafe class CachedLanguageTests
{
    public static readonly double[] Table = { 1.5, 2.5, 4.0 };

    private static (byte[] Object, string Symbol) CompileToObject(string function)
    {
        var (module, tag) = Parse([function]);
        string name = NameOf(function).Replace("$", tag, StringComparison.Ordinal);
        return (CompilePipeline.CompileToObject(module, name, CompileSettings.Defaults), NativeSymbols.For(name));
    }

    [Fact]
    public void A_loaded_throw_raises_the_described_exception()
    {
        var descriptor = new ThrowDescriptor("System.ArgumentOutOfRangeException", [IrType.I32], ["n", "n is {0}"]).Encode();
        var (code, symbol) = CompileToObject(Func("T$::Check", "i32", "entry", ["param i32 n"],
            "ldarg", "const t=i32", "clt t=i32", "brfalse t=i32 ->6", "ldarg", $"throw n={IrPrinter.Quote(descriptor)}",
            "ldarg", "ret"));
        var f = (delegate* unmanaged<int*, int, int>)ObjectLoader.Load(code, symbol);
        int r;
        f(&r, 5).ShouldBe(0);
        r.ShouldBe(5);
        f(&r, -3).ShouldBe((int)Status.Raised);
        var ex = StatusThrower.Create((int)Status.Raised).ShouldBeOfType<ArgumentOutOfRangeException>();
        ex.Message.ShouldBe(new ArgumentOutOfRangeException("n", "n is -3").Message);
    }

    [Fact]
    public void A_loaded_static_array_read_sees_current_contents()
    {
        string field = typeof(CachedLanguageTests).Assembly.GetName().Name + "|" + typeof(CachedLanguageTests).FullName + "|" + nameof(Table);
        var (code, symbol) = CompileToObject(Func("T$::Last", "f64", "entry", [],
            $"ldstatic t=f64[] n={IrPrinter.Quote(field)}", "const t=i32 i=2", "ldelem t2=f64[]", "ret"));
        var f = (delegate* unmanaged<double*, int>)ObjectLoader.Load(code, symbol);
        double r;
        f(&r).ShouldBe(0);
        r.ShouldBe(4.0);
        Table[2] = 8.0;
        f(&r).ShouldBe(0);
        r.ShouldBe(8.0);
    }
}
