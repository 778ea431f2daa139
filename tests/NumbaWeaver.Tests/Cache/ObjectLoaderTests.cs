// The managed ELF loader runs LLVM's object code exactly as LLJIT does: calls, statuses, libm, vector constants.
using System;
using System.IO;
using NumbaWeaver.Backend;
using NumbaWeaver.Cache;
using NumbaWeaver.Compiler;
using NumbaWeaver.IR;
using Shouldly;
using Xunit;
using static NumbaWeaver.Tests.Backend.BackendHarness;

namespace NumbaWeaver.Tests.Cache;

public unsafe class ObjectLoaderTests
{
    // static int Div(int a, int b) => a / b;  static int Outer(int a, int b, double[] xs) => Div(a, b) + 1 + (int)Math.Sin(xs[0]) * 0 + (int)xs[0];
    internal static readonly string Div = Func("T$::Div", "i32", "", ["param i32 a", "param i32 b"], "ldarg", "ldarg i=1", "div t=i32", "ret");
    internal static readonly string First = Func("T$::First", "f64", "boundscheck", ["param f64[] xs"], "ldarg", "const t=i32", "ldelem t2=f64[]", "ret");
    internal static readonly string Outer = Func("T$::Outer", "i32", "entry", ["param i32 a", "param i32 b", "param f64[] xs"],
        "ldarg", "ldarg i=1", "call n=\"T$::Div\"", "const t=i32 i=1", "add t=i32",
        "ldarg i=2", "call n=\"T$::First\"", "conv t=i32 t2=f64", "add t=i32", "ret");

    internal static (byte[] Object, string Symbol) CompileToObject(string entry, params string[] functions)
    {
        var (code, symbol, _) = CompileNamed(entry, functions);
        return (code, symbol);
    }

    /// <summary>As <see cref="CompileToObject"/>, with the entry's IR name (its <c>$</c> replaced by the module's tag).</summary>
    internal static (byte[] Object, string Symbol, string Name) CompileNamed(string entry, params string[] functions)
    {
        var (module, tag) = Parse(functions);
        string name = entry.Replace("$", tag, StringComparison.Ordinal);
        return (CompilePipeline.CompileToObject(module, name, CompileSettings.Defaults), NativeSymbols.For(name), name);
    }

    [Fact]
    public void Loaded_calls_and_statuses_match_the_source()
    {
        var (code, symbol) = CompileToObject("T$::Outer", Outer, Div, First);
        var f = (delegate* unmanaged<int*, int, int, double*, long, int>)ObjectLoader.Load(code, symbol);
        var xs = new[] { 40.0 };
        int r;
        fixed (double* p = xs)
        {
            f(&r, 7, 2, p, 1).ShouldBe(0);
            r.ShouldBe(7 / 2 + 1 + 40);
            f(&r, 7, 0, p, 1).ShouldBe((int)Status.DivideByZero);
            f(&r, 7, 2, p, 0).ShouldBe((int)Status.IndexOutOfRange);
        }
    }

    [Theory]
    [InlineData("Sin")]
    [InlineData("Cbrt")]
    [InlineData("Exp")]
    public void External_libm_calls_go_through_stubs(string method)
    {
        var (code, symbol) = CompileToObject("T$::" + method,
            Func("T$::" + method, "f64", "entry", ["param f64 x"], "ldarg", $"callintrinsic n=\"Math.{method}(f64)\"", "ret"));
        var f = (delegate* unmanaged<double*, double, int>)ObjectLoader.Load(code, symbol);
        foreach (double x in new[] { 0.3, -2.5, 10.0, 1e-3 })
        {
            double r;
            f(&r, x).ShouldBe(0);
            double expected = method switch { "Sin" => Math.Sin(x), "Cbrt" => Math.Cbrt(x), _ => Math.Exp(x) };
            BitConverter.DoubleToInt64Bits(r).ShouldBe(BitConverter.DoubleToInt64Bits(expected), $"{method}({x})");
        }
    }

    [Fact]
    public void Vectorised_code_with_constant_pools_runs()
    {
        // s += a[i] * 1.5 over a loop: O3 vectorises with a constant-pool splat (a PC-relative data relocation).
        var (code, symbol) = CompileToObject("T$::Scale", Func("T$::Scale", "f64", "entry,fastmath", ["param f64[] a", "local f64 s", "local i32 i"],
            F64(0.0), "stloc", "const t=i32", "stloc i=1", "br ->17",
            "ldloc", "ldarg", "ldloc i=1", "ldelem t2=f64[]", F64(1.5), "mul t=f64", "add t=f64", "stloc",
            "ldloc i=1", "const t=i32 i=1", "add t=i32", "stloc i=1",
            "ldloc i=1", "ldarg", "arrlen t=i32 t2=f64[]", "clt t=i32", "brtrue t=i32 ->5",
            "ldloc", "ret"));
        var f = (delegate* unmanaged<double*, double*, long, int>)ObjectLoader.Load(code, symbol);
        var a = new double[1001];
        for (int i = 0; i < a.Length; i++) a[i] = i;
        double r;
        fixed (double* p = a) f(&r, p, a.Length).ShouldBe(0);
        r.ShouldBe(1.5 * 1000 * 1001 / 2);
    }

    [Fact]
    public void Malformed_objects_are_rejected_not_run()
    {
        var (code, symbol) = CompileToObject("T$::Outer", Outer, Div, First);
        Should.Throw<InvalidDataException>(() => ObjectLoader.Load(code[..100], symbol));
        Should.Throw<InvalidDataException>(() => ObjectLoader.Load(code, "nj_not_there"));
        var badHeader = (byte[])code.Clone();
        badHeader[0x28] = 0xff; // section header table offset beyond the file
        badHeader[0x2f] = 0x7f;
        Should.Throw<InvalidDataException>(() => ObjectLoader.Load(badHeader, symbol));
        Should.Throw<InvalidDataException>(() => ObjectLoader.Load(new byte[64], symbol));
    }
}
