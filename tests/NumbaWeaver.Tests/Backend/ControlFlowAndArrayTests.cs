// Loops over arrays and spans, 2-D stencils, bounds checks, joins with a non-empty stack, switch, locals and refs.
using System;
using NumbaWeaver.Backend;
using Shouldly;
using Xunit;
using static NumbaWeaver.Tests.Backend.BackendHarness;

namespace NumbaWeaver.Tests.Backend;

public unsafe class ControlFlowAndArrayTests
{
    // double Sum(double[] a) { double s = 0; for (int i = 0; i < a.Length; i++) s += a[i]; return s; }
    private static readonly string Sum = Func("T$::Sum(f64[])", "f64", "entry,boundscheck", ["param f64[] a", "local f64 s", "local i32 i"],
        F64(0.0), "stloc", "const t=i32", "stloc i=1", "br ->16",
        "ldloc", "ldarg", "ldloc i=1", "ldelem t2=f64[]", "add t=f64", "stloc",
        "ldloc i=1", "const t=i32 i=1", "add t=i32", "stloc i=1", "nop",
        "ldloc i=1", "ldarg", "arrlen t=i64 t2=f64[]", "conv t=i32 t2=i64", "clt t=i32", "brtrue t=i32 ->5",
        "ldloc", "ret");

    [Fact]
    public void Sum_loop_over_a_double_array_matches_csharp()
    {
        var f = (delegate* unmanaged<double*, double*, long, int>)CompileOne(Sum);
        foreach (int n in new[] { 0, 1, 3, 4, 7, 16, 33, 1000 })
        {
            var a = new double[n];
            for (int i = 0; i < n; i++) a[i] = Math.Sin(i) * 1e3 + 0.1 * i;
            double expected = 0;
            for (int i = 0; i < n; i++) expected += a[i];
            double r;
            fixed (double* p = a) f(&r, p, n).ShouldBe(0);
            Bits(r).ShouldBe(Bits(expected), $"n={n}"); // no reassociation without FastMath
        }
    }

    // double Get(double[] a, int i) => a[i];  and the 2-D 5-point stencil at (i, j)
    [Fact]
    public void Index_out_of_range_returns_status_1_unless_bounds_checks_are_off()
    {
        string get = Func("T$::Get", "f64", "boundscheck", ["param f64[] a", "param i32 i"], "ldarg", "ldarg i=1", "ldelem t2=f64[]", "ret");
        var f = (delegate* unmanaged<double*, double*, long, int, int>)CompileOne(get);
        var a = new[] { 1.0, 2.0, 3.0 };
        double r;
        fixed (double* p = a)
        {
            f(&r, p, 3, 2).ShouldBe(0);
            r.ShouldBe(3.0);
            f(&r, p, 3, 3).ShouldBe(1);
            f(&r, p, 3, -1).ShouldBe(1);
            f(&r, p, 0, 0).ShouldBe(1);
        }
        LowerToText(NameOf(get), [get]).ShouldContain("throw.IndexOutOfRange");
        LowerToText(NameOf(get), [get], new LoweringOptions { BoundsCheckOverride = false }).ShouldNotContain("throw.IndexOutOfRange");
    }

    private static readonly string Stencil = Func("T$::Stencil", "f64", "boundscheck", ["param f64[,] a", "param i32 i", "param i32 j"],
        "ldarg", "ldarg i=1", "const t=i32 i=1", "sub t=i32", "ldarg i=2", "ldelem t2=f64[,]",
        "ldarg", "ldarg i=1", "const t=i32 i=1", "add t=i32", "ldarg i=2", "ldelem t2=f64[,]", "add t=f64",
        "ldarg", "ldarg i=1", "ldarg i=2", "const t=i32 i=1", "sub t=i32", "ldelem t2=f64[,]", "add t=f64",
        "ldarg", "ldarg i=1", "ldarg i=2", "const t=i32 i=1", "add t=i32", "ldelem t2=f64[,]", "add t=f64",
        F64(4.0), "ldarg", "ldarg i=1", "ldarg i=2", "ldelem t2=f64[,]", "mul t=f64", "sub t=f64",
        "ret");

    [Fact]
    public void Two_dimensional_stencil_is_row_major_and_checked_per_dimension()
    {
        var f = (delegate* unmanaged<double*, double*, long, long, int, int, int>)CompileOne(Stencil);
        var a = new double[4, 5];
        for (int i = 0; i < 4; i++) for (int j = 0; j < 5; j++) a[i, j] = i * 10 + j * j + 0.25 * i * j;
        fixed (double* p = a)
        {
            for (int i = 1; i < 3; i++)
            for (int j = 1; j < 4; j++)
            {
                double r;
                f(&r, p, 4, 5, i, j).ShouldBe(0);
                double expected = a[i - 1, j] + a[i + 1, j] + a[i, j - 1] + a[i, j + 1] - 4.0 * a[i, j];
                Bits(r).ShouldBe(Bits(expected));
            }
            double x;
            f(&x, p, 4, 5, 0, 1).ShouldBe(1);  // i-1 = -1
            f(&x, p, 4, 5, 1, 4).ShouldBe(1);  // j+1 = 5: the flat index (10) is in range, the column is not
        }
        var dim = (delegate* unmanaged<int*, double*, long, long, int, int>)CompileOne(Func("T$::Dim", "i32", "", ["param f64[,] a", "param i32 d"],
            "ldarg", "ldarg i=1", "arrdimlen t2=f64[,]", "ldarg", "arrlen t=i32 t2=f64[,]", "add t=i32", "ret"));
        int n;
        dim(&n, null, 4, 5, 1).ShouldBe(0);
        n.ShouldBe(5 + 20);
        dim(&n, null, 4, 5, 2).ShouldBe((int)NumbaWeaver.IR.Status.BadDimension);
    }

    [Fact]
    public void Conditional_join_with_a_non_empty_stack()
    {
        // int F(int x, bool c, int a, double b) => x + (c ? a : (int)b) * 2;  (x stays on the stack across the join)
        string f = Func("T$::Join", "i32", "", ["param i32 x", "param bool c", "param i32 a", "param f64 b"],
            "ldarg", "ldarg i=1", "brfalse t=i32 ->5", "ldarg i=2", "br ->7", "ldarg i=3", "conv t=i32 t2=f64",
            "const t=i32 i=2", "mul t=i32", "add t=i32", "ret");
        var g = (delegate* unmanaged<int*, int, byte, int, double, int>)CompileOne(f);
        foreach (int x in new[] { 0, 5, int.MaxValue })
        foreach (byte c in new byte[] { 0, 1 })
        {
            int r;
            g(&r, x, c, 7, -3.9).ShouldBe(0);
            r.ShouldBe(unchecked(x + (c != 0 ? 7 : (int)-3.9) * 2));
        }
        // Also a join of arrays: (c ? a : b)[0] with the selected span on the stack.
        string h = Func("T$::PickFirst", "f32", "", ["param span<f32> a", "param span<f32> b", "param i32 c"],
            "ldarg i=2", "brtrue t=i32 ->4", "ldarg i=1", "br ->5", "ldarg", "const t=i32", "ldelem t2=span<f32>", "ret");
        var k = (delegate* unmanaged<float*, float*, long, float*, long, int, int>)CompileOne(h);
        float fa = 1.5f, fb = 2.5f, fr;
        k(&fr, &fa, 1, &fb, 1, 1).ShouldBe(0);
        fr.ShouldBe(1.5f);
        k(&fr, &fa, 1, &fb, 1, 0).ShouldBe(0);
        fr.ShouldBe(2.5f);
    }

    [Fact]
    public void Switch_locals_refs_and_small_types()
    {
        // switch (k) { case 0: return 10; case 1: return 20; case 2: return 30; } return uninitialisedLocal;
        string sw = Func("T$::Switch", "i32", "", ["param i32 k", "local i32 z"],
            "ldarg", "switch ->3,5,7", "br ->9", "const t=i32 i=10", "ret", "const t=i32 i=20", "ret", "const t=i32 i=30", "ret", "ldloc", "ret");
        var s = (delegate* unmanaged<int*, int, int>)CompileOne(sw);
        int[] expected = [0, 10, 20, 30, 0];
        for (int k = -1; k <= 3; k++)
        {
            int r = 99;
            s(&r, k).ShouldBe(0);
            r.ShouldBe(expected[k + 1]);
        }
        // static void Inc(ref double x, ref byte b) { x += 1; b = (byte)(b + 200); }
        string inc = Func("T$::Inc", "void", "", ["param ref<f64> x", "param ref<u8> b"],
            "ldarg", "ldarg", "ldind t=f64", F64(1.0), "add t=f64", "stind t=f64",
            "ldarg i=1", "ldarg i=1", "ldind t=u8", "const t=i32 i=200", "add t=i32", "stind t=u8", "ret");
        var g = (delegate* unmanaged<byte*, double*, byte*, int>)CompileOne(inc);
        double d = 1.5;
        byte b = 100;
        g(null, &d, &b).ShouldBe(0);
        d.ShouldBe(2.5);
        b.ShouldBe(unchecked((byte)300));
        // static bool Not(bool v) => !v; static char Next(char c) => (char)(c + 1)
        var not = (delegate* unmanaged<byte*, byte, int>)CompileOne(Func("T$::Not", "bool", "", ["param bool v"], "ldarg", "const t=i32", "ceq t=i32", "ret"));
        byte nb = 7;
        not(&nb, 1).ShouldBe(0);
        nb.ShouldBe((byte)0);
        not(&nb, 0).ShouldBe(0);
        nb.ShouldBe((byte)1);
        // char crosses as ushort: a char parameter of an unmanaged function pointer is marshalled as a 1-byte ANSI char.
        var next = (delegate* unmanaged<ushort*, ushort, int>)CompileOne(Func("T$::Next", "char", "", ["param char c"], "ldarg", "const t=i32 i=1", "add t=i32", "conv t=char t2=i32", "ret"));
        ushort nc;
        next(&nc, 0xffff).ShouldBe(0);
        nc.ShouldBe((ushort)0);
        next(&nc, 'a').ShouldBe(0);
        nc.ShouldBe((ushort)'b');
    }

    [Fact]
    public void Span_of_an_array_and_element_address_stores()
    {
        // static void Scale(double[] a, double k) { Span<double> s = a; for (...) s[i] *= k; } — via elemaddr
        string scale = Func("T$::Scale", "void", "boundscheck", ["param f64[] a", "param f64 k", "local span<f64> s", "local i32 i"],
            "ldarg", "tospan t=span<f64> t2=f64[]", "stloc", "br ->16",
            "ldloc", "ldloc i=1", "elemaddr t2=span<f64>", "dup t=ref<f64>", "ldind t=f64", "ldarg i=1", "mul t=f64", "stind t=f64",
            "ldloc i=1", "const t=i32 i=1", "add t=i32", "stloc i=1",
            "ldloc i=1", "ldloc", "arrlen t=i32 t2=span<f64>", "clt t=i32", "brtrue t=i32 ->4",
            "ret");
        var f = (delegate* unmanaged<byte*, double*, long, double, int>)CompileOne(scale);
        var a = new[] { 1.0, -2.0, 3.5 };
        fixed (double* p = a) f(null, p, a.Length, 2.0).ShouldBe(0);
        a.ShouldBe(new[] { 2.0, -4.0, 7.0 });
    }
}
