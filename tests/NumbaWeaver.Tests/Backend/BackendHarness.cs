// Test helpers: write IR text compactly, lower it, optimise it and JIT it into callable function pointers.
using System;
using System.Globalization;
using System.Text;
using System.Threading;
using NumbaWeaver.Backend;
using NumbaWeaver.IR;
using NumbaWeaver.Llvm;
using NumbaWeaver.Llvm.Interop;
using Shouldly;

namespace NumbaWeaver.Tests.Backend;

internal static class BackendHarness
{
    private static int s_unique;

    /// <summary>
    /// A function in IR text; instructions are numbered automatically (0, 1, ...), so branch targets
    /// in the body refer to positions in <paramref name="body"/>.
    /// </summary>
    public static string Func(string name, string ret, string flags, string[] decls, params string[] body)
    {
        var sb = new StringBuilder();
        sb.Append("func ").Append(IrPrinter.Quote(name)).Append(" -> ").Append(ret);
        if (flags.Length > 0) sb.Append(' ').Append(flags);
        sb.Append('\n');
        foreach (var d in decls) sb.Append("  ").Append(d).Append('\n');
        for (int i = 0; i < body.Length; i++) sb.Append("  ").Append(i.ToString(CultureInfo.InvariantCulture)).Append(": ").Append(body[i]).Append('\n');
        return sb.Append("end\n").ToString();
    }

    /// <summary>
    /// <c>static double Dot(double[] a, double[] b) { double s = 0; for (int i = 0; i &lt; a.Length; i++) s += a[i] * b[i]; return s; }</c>
    /// with the given function flags (fast-math, bounds checks...): the reduction the fast-math tests lower.
    /// </summary>
    public static string DotProduct(string flags) => Func("T$::Dot", "f64", flags, ["param f64[] a", "param f64[] b", "local f64 s", "local i32 i"],
        F64(0.0), "stloc", "const t=i32", "stloc i=1", "br ->19",
        "ldloc", "ldarg", "ldloc i=1", "ldelem t2=f64[]", "ldarg i=1", "ldloc i=1", "ldelem t2=f64[]", "mul t=f64", "add t=f64", "stloc",
        "ldloc i=1", "const t=i32 i=1", "add t=i32", "stloc i=1",
        "ldloc i=1", "ldarg", "arrlen t=i32 t2=f64[]", "clt t=i32", "brtrue t=i32 ->5",
        "ldloc", "ret");

    /// <summary>Inputs for <see cref="DotProduct"/> of <paramref name="length"/> elements and their dot product, summed in order as C# does.</summary>
    public static (double[] A, double[] B, double Expected) DotInputs(int length)
    {
        var a = new double[length];
        var b = new double[length];
        for (int i = 0; i < length; i++) { a[i] = Math.Cos(i) * 3.3; b[i] = 1.0 / (i + 1); }
        double expected = 0;
        for (int i = 0; i < length; i++) expected += a[i] * b[i];
        return (a, b, expected);
    }

    /// <summary>A float constant operand: the parser wants exact bits.</summary>
    public static string F64(double v) => "const t=f64 f=0x" + BitConverter.DoubleToInt64Bits(v).ToString("X16", CultureInfo.InvariantCulture);

    public static string F32(float v) => "const t=f32 f=0x" + BitConverter.DoubleToInt64Bits(v).ToString("X16", CultureInfo.InvariantCulture);

    /// <summary>Parses a module (every '$' becomes a per-compile unique tag, since all tests share one JIT), verifies it.</summary>
    public static (IrModule Module, string Tag) Parse(params string[] functions)
    {
        string tag = "u" + Interlocked.Increment(ref s_unique).ToString(CultureInfo.InvariantCulture);
        var module = IrParser.ParseModule("nwir 1\n" + string.Concat(functions).Replace("$", tag, StringComparison.Ordinal));
        IrVerifier.Verify(module).ShouldBeEmpty();
        return (module, tag);
    }

    /// <summary>Lowers, optimises (O3 for the host) and JITs <paramref name="entry"/>; returns its address.</summary>
    public static nint Compile(string entry, string[] functions, LoweringOptions? options = null, int optLevel = 3)
    {
        var (module, tag) = Parse(functions);
        string name = entry.Replace("$", tag, StringComparison.Ordinal);
        var jit = NativeJit.Instance;
        lock (jit.SyncRoot)
        {
            var llvm = ModuleLowering.Lower(jit.Context, module, module.Find(name)!, options ?? new LoweringOptions());
            Optimizer.Run(llvm, jit.TargetMachine, optLevel);
            return jit.AddModuleAndLookup(llvm, NativeSymbols.For(name));
        }
    }

    /// <summary>One-function shorthand for <see cref="Compile(string, string[], LoweringOptions?, int)"/>.</summary>
    public static nint CompileOne(string function, LoweringOptions? options = null) =>
        Compile(NameOf(function), [function], options);

    /// <summary>Lowers, optionally optimises (O3, or <paramref name="pipeline"/> when given) and returns the printed LLVM IR
    /// or assembly (for structural checks), disposing the module.</summary>
    public static string LowerToText(string entry, string[] functions, LoweringOptions? options = null, bool optimise = false, bool assembly = false,
        string? pipeline = null)
    {
        var (module, tag) = Parse(functions);
        string name = entry.Replace("$", tag, StringComparison.Ordinal);
        var jit = NativeJit.Instance;
        lock (jit.SyncRoot)
        {
            var llvm = ModuleLowering.Lower(jit.Context, module, module.Find(name)!, options ?? new LoweringOptions());
            try
            {
                if (pipeline is not null) Optimizer.RunPipeline(llvm, jit.TargetMachine, pipeline);
                else if (optimise) Optimizer.Run(llvm, jit.TargetMachine, 3);
                return assembly ? jit.EmitAssembly(llvm) : LLVM.PrintModule(llvm);
            }
            finally
            {
                LLVM.DisposeModule(llvm);
            }
        }
    }

    public static string NameOf(string function)
    {
        int a = function.IndexOf('"') + 1;
        return function.Substring(a, function.IndexOf('"', a) - a);
    }

    public static long Bits(double d) => BitConverter.DoubleToInt64Bits(d);

    public static int Bits(float f) => BitConverter.SingleToInt32Bits(f);

    public static readonly double[] EdgeDoubles =
    {
        0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 2.5, -2.5, 3.7, -3.7, 1e-310, -1e-310, 1e300, -1e300,
        double.MaxValue, double.MinValue, double.Epsilon, double.NaN, double.PositiveInfinity, double.NegativeInfinity,
        127.9, -128.9, 255.5, 300.0, -300.0, 65535.5, 70000.0, -70000.0, 2147483647.5, -2147483648.5,
        2147483648.0, 4294967296.0, 3e9, 9.2233720368547758e18, -9.2233720368547758e18, 1.8446744073709552e19, 1e20, -1e20,
    };

    public static readonly float[] EdgeFloats =
    {
        0f, -0f, 1f, -1f, 0.5f, -0.5f, 1.5f, 2.5f, -2.5f, 3.7f, -3.7f, 1e-40f, float.MaxValue, float.MinValue,
        float.Epsilon, float.NaN, float.PositiveInfinity, float.NegativeInfinity, 127.9f, -128.9f, 300f, -300f,
        70000f, 3e9f, -3e9f, 1e20f, -1e20f, 2147483648f,
    };

    public static readonly int[] EdgeInts = { 0, 1, -1, 2, -2, 7, -7, 31, 32, 33, 63, 64, 100, -100, 255, 256, 65535, int.MaxValue, int.MinValue, int.MinValue + 1 };

    public static readonly long[] EdgeLongs = { 0, 1, -1, 3, -3, 64, 65, int.MaxValue, int.MinValue, uint.MaxValue, long.MaxValue, long.MinValue, long.MinValue + 1 };
}
