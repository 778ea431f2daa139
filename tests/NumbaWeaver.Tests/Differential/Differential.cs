// Runs a woven kernel compiled and as its original C# twin and compares results, exceptions and arguments exactly.
using System;
using System.Collections;
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
        var types = args.Select(a => a?.GetType() ?? typeof(object)).ToArray();
        var stub = type.GetMethods(AnyStatic).Single(m => m.Name == name && m.GetParameters().Length == args.Length && Matches(m, args));
        var paramTypes = stub.GetParameters().Select(p => p.ParameterType).ToArray();
        var twin = Twin(type, name, paramTypes);
        var compiledArgs = args.Select(DeepCopy).ToArray();
        var originalArgs = args.Select(DeepCopy).ToArray();
        var compiled = Invoke(stub, compiledArgs);
        var original = Invoke(twin, originalArgs);
        var what = $"{type.Name}.{name}({string.Join(", ", args.Select(Describe))})";
        if (original.Error != null || compiled.Error != null)
        {
            (compiled.Error?.GetType()).ShouldBe(original.Error?.GetType(), $"{what}: exception type; compiled threw {compiled.Error?.Message}");
            compiled.Error!.Message.ShouldBe(original.Error!.Message, what);
        }
        else
        {
            AssertSame(compiled.Value, original.Value, tolerance, what + " result");
        }
        for (int i = 0; i < args.Length; i++) AssertSame(compiledArgs[i], originalArgs[i], tolerance, $"{what} argument {i} after the call");
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

    public static void AssertSame(object? actual, object? expected, double tolerance, string what)
    {
        if (expected is Array ea && actual is Array aa)
        {
            aa.Length.ShouldBe(ea.Length, what);
            int k = 0;
            var ee = ea.GetEnumerator();
            foreach (var x in (IEnumerable)aa)
            {
                ee.MoveNext();
                AssertSame(x, ee.Current, tolerance, $"{what}[{k++}]");
            }
            return;
        }
        if (expected is double de && actual is double da)
        {
            if (tolerance > 0 && !double.IsNaN(de)) Math.Abs(da - de).ShouldBeLessThanOrEqualTo(tolerance * Math.Max(1, Math.Abs(de)), what);
            else BitConverter.DoubleToInt64Bits(da).ShouldBe(BitConverter.DoubleToInt64Bits(de), $"{what}: compiled {da:R} vs original {de:R}");
            return;
        }
        if (expected is float fe && actual is float fa)
        {
            if (tolerance > 0 && !float.IsNaN(fe)) ((double)Math.Abs(fa - fe)).ShouldBeLessThanOrEqualTo(tolerance * Math.Max(1, Math.Abs(fe)), what);
            else BitConverter.SingleToInt32Bits(fa).ShouldBe(BitConverter.SingleToInt32Bits(fe), $"{what}: compiled {fa:R} vs original {fe:R}");
            return;
        }
        actual.ShouldBe(expected, what);
    }

    private static string Describe(object? a) => a switch
    {
        null => "null",
        Array arr => $"{arr.GetType().GetElementType()!.Name}[{arr.Length}]",
        double d => d.ToString("R"),
        _ => a.ToString() ?? "",
    };
}
