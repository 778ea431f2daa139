// Runs a woven kernel compiled and as its original C# twin and compares results, exceptions and arguments exactly.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Shouldly;

namespace NumbaWeaver.Tests.Differential;

/// <summary>
/// The differential oracle: every kernel is called through its stub (native code) and through
/// the private twin the weaver keeps (the original IL), on copies of the same inputs. Return
/// values, thrown exception types and messages, and every array and ref argument afterwards
/// must be bit-identical (or within a tolerance for FastMath kernels).
/// </summary>
public static class Differential
{
    public const BindingFlags AnyStatic = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;

    /// <summary>The original C# of a woven method, as a method.</summary>
    public static MethodInfo Twin(Type type, string name, Type[]? parameterTypes = null)
    {
        var twinName = "<" + name + ">nj_original";
        var m = parameterTypes == null ? type.GetMethod(twinName, AnyStatic) : type.GetMethod(twinName, AnyStatic, parameterTypes);
        return m ?? throw new InvalidOperationException($"{type.Name}.{name} has no twin: was the fixture woven?");
    }

    /// <summary>Both the stub and the twin as delegates of one type, for kernels with span parameters.</summary>
    public static (T Compiled, T Original) Pair<T>(Type type, string name) where T : Delegate
    {
        var invoke = typeof(T).GetMethod("Invoke")!;
        var ps = invoke.GetParameters().Select(p => p.ParameterType).ToArray();
        var stub = type.GetMethod(name, AnyStatic, ps) ?? throw new InvalidOperationException($"no {type.Name}.{name}");
        return (stub.CreateDelegate<T>(), Twin(type, name, ps).CreateDelegate<T>());
    }

    /// <summary>Calls both versions through reflection with copies of <paramref name="args"/> and compares everything.</summary>
    public static object? Check(Type type, string name, params object?[] args) => CheckCore(type, name, 0, args);

    /// <summary>As <see cref="Check"/>, allowing a relative difference for floating-point results (FastMath).</summary>
    public static object? CheckApprox(Type type, string name, double relTolerance, params object?[] args) =>
        CheckCore(type, name, relTolerance, args);

    private static object? CheckCore(Type type, string name, double tolerance, object?[] args)
    {
        var stub = type.GetMethods(AnyStatic).Single(m => m.Name == name && m.GetParameters().Length == args.Length && Matches(m, args));
        var paramTypes = stub.GetParameters().Select(p => p.ParameterType).ToArray();
        var twin = Twin(type, name, paramTypes);
        var compiledArgs = args.Select(DeepCopy).ToArray();
        var originalArgs = args.Select(DeepCopy).ToArray();
        var compiled = Invoke(stub, compiledArgs);
        var original = Invoke(twin, originalArgs);
        var what = $"{type.Name}.{name}({string.Join(", ", args.Select(Describe))})";
        var inputNaNs = InputNaNs(args);
        if (original.Error != null || compiled.Error != null)
        {
            (compiled.Error?.GetType()).ShouldBe(original.Error?.GetType(), $"{what}: exception type; compiled threw {compiled.Error?.Message}");
            compiled.Error!.Message.ShouldBe(original.Error!.Message, what);
        }
        else
        {
            AssertSame(compiled.Value, original.Value, tolerance, what + " result", inputNaNs);
        }
        for (int i = 0; i < args.Length; i++) AssertSame(compiledArgs[i], originalArgs[i], tolerance, $"{what} argument {i} after the call", inputNaNs);
        return compiled.Value;
    }

    private static bool Matches(MethodInfo m, object?[] args) =>
        m.GetParameters().Zip(args, (p, a) => a == null || p.ParameterType.IsInstanceOfType(a) ||
                                                (p.ParameterType.IsByRef && p.ParameterType.GetElementType()!.IsInstanceOfType(a))).All(x => x);

    private static (object? Value, Exception? Error) Invoke(MethodInfo m, object?[] args)
    {
        try
        {
            return (m.Invoke(null, args), null);
        }
        catch (TargetInvocationException ex)
        {
            return (null, ex.InnerException);
        }
    }

    public static object? DeepCopy(object? o) => o is Array a ? a.Clone() : o;

    /// <summary>
    /// The NaN bit patterns among the inputs (scalars and array elements), widened to double bits.
    /// When an operation meets two NaNs, IEEE 754 returns one of them without saying which, and LLVM
    /// may commute operands: a NaN result is then accepted when it is bit-identical to one of the
    /// input NaNs. A NaN the code creates itself (0/0, Log(-1)) must still match exactly.
    /// </summary>
    public static HashSet<long> InputNaNs(object?[] args)
    {
        var set = new HashSet<long>();
        void Add(object? o)
        {
            switch (o)
            {
                case double d when double.IsNaN(d): set.Add(BitConverter.DoubleToInt64Bits(d)); break;
                case float f when float.IsNaN(f): set.Add(BitConverter.DoubleToInt64Bits(f)); break;
                case Array a: foreach (var x in a) Add(x); break;
                case not null when IsStructValue(o):
                    foreach (var f in o.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)) Add(f.GetValue(o));
                    break;
            }
        }
        foreach (var a in args) Add(a);
        return set;
    }

    public static void AssertSame(object? actual, object? expected, double tolerance, string what, IReadOnlySet<long>? inputNaNs = null)
    {
        if (expected is Array ea && actual is Array aa)
        {
            aa.Length.ShouldBe(ea.Length, what);
            int k = 0;
            var ee = ea.GetEnumerator();
            foreach (var x in (IEnumerable)aa)
            {
                ee.MoveNext();
                AssertSame(x, ee.Current, tolerance, $"{what}[{k++}]", inputNaNs);
            }
            return;
        }
        if (expected is double de && actual is double da)
        {
            if (inputNaNs != null && inputNaNs.Count > 1 && double.IsNaN(de) && double.IsNaN(da)
                && inputNaNs.Contains(BitConverter.DoubleToInt64Bits(da))) return;
            if (tolerance > 0 && !double.IsNaN(de)) Math.Abs(da - de).ShouldBeLessThanOrEqualTo(tolerance * Math.Max(1, Math.Abs(de)), what);
            else BitConverter.DoubleToInt64Bits(da).ShouldBe(BitConverter.DoubleToInt64Bits(de), $"{what}: compiled {da:R} vs original {de:R}");
            return;
        }
        if (expected is float fe && actual is float fa)
        {
            if (inputNaNs != null && inputNaNs.Count > 1 && float.IsNaN(fe) && float.IsNaN(fa)
                && inputNaNs.Contains(BitConverter.DoubleToInt64Bits(fa))) return;
            if (tolerance > 0 && !float.IsNaN(fe)) ((double)Math.Abs(fa - fe)).ShouldBeLessThanOrEqualTo(tolerance * Math.Max(1, Math.Abs(fe)), what);
            else BitConverter.SingleToInt32Bits(fa).ShouldBe(BitConverter.SingleToInt32Bits(fe), $"{what}: compiled {fa:R} vs original {fe:R}");
            return;
        }
        if (expected != null && actual != null && IsStructValue(expected) && actual.GetType() == expected.GetType())
        {
            // Structs and tuples field by field, so doubles inside them are compared bit for bit.
            foreach (var f in expected.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
                AssertSame(f.GetValue(actual), f.GetValue(expected), tolerance, $"{what}.{f.Name}", inputNaNs);
            return;
        }
        actual.ShouldBe(expected, what);
    }

    private static bool IsStructValue(object o) => o.GetType() is { IsValueType: true, IsPrimitive: false, IsEnum: false };

    private static string Describe(object? a) => a switch
    {
        null => "null",
        Array arr => $"{arr.GetType().GetElementType()!.Name}[{arr.Length}]",
        double d => d.ToString("R"),
        _ => a.ToString() ?? "",
    };
}
