// Differential tests of generic [Njit] methods: each kernel compiled per type argument against its generic twin, bit for bit.
using System;
using System.Linq;
using System.Numerics;
using System.Reflection;
using Kernels.Fixture;
using NumbaWeaver.Compiler;
using NumbaWeaver.Dispatch;
using NumbaWeaver.Tests.Differential;
using Shouldly;
using Xunit;
using D = NumbaWeaver.Tests.Differential.Differential;

namespace NumbaWeaver.Tests.Language;

public class GenericTests
{
    private static readonly Type K = typeof(LanguageGenerics);

    private delegate T SpanReduce<T>(ReadOnlySpan<T> x);
    private delegate int SpanClamp<T>(Span<T> x, T lo, T hi);
    private delegate void SpanScale<T>(Span<T> x, T factor);
    private delegate T Polynomial<T>(ReadOnlySpan<int> coefficients, T x);
    private delegate void SpanConvert<TFrom, TTo>(ReadOnlySpan<TFrom> x, Span<TTo> y);

    /// <summary>The stub and the twin of a generic kernel, instantiated with <paramref name="typeArguments"/>.</summary>
    private static (MethodInfo Compiled, MethodInfo Original) Instances(string name, params Type[] typeArguments)
    {
        MethodInfo Open(string n) => K.GetMethods(D.AnyStatic).Single(m => m.Name == n && m.IsGenericMethodDefinition);
        return (Open(name).MakeGenericMethod(typeArguments), Open("<" + name + ">nj_original").MakeGenericMethod(typeArguments));
    }

    private static (TDelegate Compiled, TDelegate Original) Delegates<TDelegate>(string name, params Type[] typeArguments) where TDelegate : Delegate
    {
        var (compiled, original) = Instances(name, typeArguments);
        return (compiled.CreateDelegate<TDelegate>(), original.CreateDelegate<TDelegate>());
    }

    /// <summary>Calls both instances through reflection on copies of the arguments; compares results, exceptions and arguments.</summary>
    private static object? Check(string name, Type[] typeArguments, params object?[] args)
    {
        var (compiled, original) = Instances(name, typeArguments);
        var compiledArgs = args.Select(D.DeepCopy).ToArray();
        var originalArgs = args.Select(D.DeepCopy).ToArray();
        var (value, error) = Invoke(compiled, compiledArgs);
        var (expected, expectedError) = Invoke(original, originalArgs);
        string what = $"{name}<{string.Join(", ", typeArguments.Select(t => t.Name))}>";
        (error?.GetType()).ShouldBe(expectedError?.GetType(), $"{what}: exception; compiled threw {error?.Message}");
        if (error != null) error.Message.ShouldBe(expectedError!.Message, what);
        else D.AssertSame(value, expected, 0, what + " result", D.InputNaNs(args));
        for (int i = 0; i < args.Length; i++) D.AssertSame(compiledArgs[i], originalArgs[i], 0, $"{what} argument {i}", D.InputNaNs(args));
        return value;
    }

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

    /// <summary>Pseudo-random values of T from small signed integers (wrapped for unsigned T) or fractions for floats.</summary>
    private static T[] Data<T>(int n, int seed) where T : INumber<T>
    {
        var rng = new Random(seed);
        bool isFloat = typeof(T) == typeof(double) || typeof(T) == typeof(float);
        return Enumerable.Range(0, n)
            .Select(_ => isFloat ? T.CreateTruncating(rng.NextDouble() * 20 - 10) : T.CreateTruncating(rng.Next(-40, 40)))
            .ToArray();
    }

    private static void CheckReduce<T>(string name, T[] data) where T : INumber<T>
    {
        var (compiled, original) = Delegates<SpanReduce<T>>(name, typeof(T));
        D.AssertSame(compiled(data), original(data), 0, $"{name}<{typeof(T).Name}>[{data.Length}]", D.InputNaNs(new object[] { data }));
    }

    public static readonly TheoryData<Type> AllNumberTypes = new()
    {
        typeof(int), typeof(long), typeof(float), typeof(double), typeof(byte), typeof(sbyte), typeof(short), typeof(ushort),
        typeof(uint), typeof(ulong),
    };

    public static readonly TheoryData<Type> IntegerTypes = new()
    {
        typeof(int), typeof(long), typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(uint), typeof(ulong),
    };

    private static void Run(string helper, Type t) =>
        typeof(GenericTests).GetMethod(helper, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(t).Invoke(null, null);

    [Theory]
    [MemberData(nameof(AllNumberTypes))]
    public void Sum_matches_for_every_number_type(Type t) => Run(nameof(SumCase), t);

    private static void SumCase<T>() where T : INumber<T>
    {
        foreach (int n in new[] { 0, 1, 7, 1000 }) CheckReduce(nameof(LanguageGenerics.Sum), Data<T>(n, n));
    }

    [Theory]
    [MemberData(nameof(AllNumberTypes))]
    public void Dot_of_arrays_matches(Type t)
    {
        var data = typeof(GenericTests).GetMethod(nameof(Data), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(t);
        foreach (int n in new[] { 0, 3, 257 })
            Check(nameof(LanguageGenerics.Dot), new[] { t }, data.Invoke(null, new object[] { n, 1 }), data.Invoke(null, new object[] { n, 2 }));
    }

    [Theory]
    [InlineData(typeof(double))]
    [InlineData(typeof(float))]
    public void Mean_variance_and_norm_match(Type t) => Run(nameof(StatisticsCase), t);

    private static void StatisticsCase<T>() where T : IFloatingPointIeee754<T>
    {
        foreach (var data in new[] { Data<T>(2, 3), Data<T>(100, 4), new[] { T.One, T.NaN, T.Zero }, new[] { T.PositiveInfinity, T.One } })
        {
            CheckReduce(nameof(LanguageGenerics.Mean), data);
            CheckReduce(nameof(LanguageGenerics.Variance), data);
            CheckReduce(nameof(LanguageGenerics.Norm), data);
        }
    }

    [Theory]
    [MemberData(nameof(AllNumberTypes))]
    public void Clamp_all_in_place_matches(Type t) => Run(nameof(ClampCase), t);

    private static void ClampCase<T>() where T : INumber<T>
    {
        var (compiled, original) = Delegates<SpanClamp<T>>(nameof(LanguageGenerics.ClampAll), typeof(T));
        var data = Data<T>(64, 5);
        if (typeof(T) == typeof(double)) data[3] = T.CreateTruncating(double.NaN);
        var a = (T[])data.Clone();
        var b = (T[])data.Clone();
        T lo = T.CreateTruncating(-3), hi = T.CreateTruncating(20);
        if (lo > hi) (lo, hi) = (hi, lo);
        compiled(a, lo, hi).ShouldBe(original(b, lo, hi));
        D.AssertSame(a, b, 0, $"ClampAll<{typeof(T).Name}>", D.InputNaNs(new object[] { data }));
    }

    [Theory]
    [MemberData(nameof(AllNumberTypes))]
    public void Max_and_min_start_from_the_type_limits(Type t)
    {
        var empty = Array.CreateInstance(t, 0);
        var data = typeof(GenericTests).GetMethod(nameof(Data), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(t)
            .Invoke(null, new object[] { 50, 6 });
        foreach (var x in new[] { empty, data })
        {
            Check(nameof(LanguageGenerics.MaxOf), new[] { t }, x);
            Check(nameof(LanguageGenerics.MinOf), new[] { t }, x);
        }
        Check(nameof(LanguageGenerics.MaxOf), new[] { typeof(double) }, new[] { 1.0, double.NaN, 3.0 });
        Check(nameof(LanguageGenerics.MinOf), new[] { typeof(float) }, new[] { 1f, float.NaN, -3f });
    }

    [Theory]
    [MemberData(nameof(IntegerTypes))]
    public void Gcd_with_binary_integers_matches(Type t)
    {
        foreach (var (a, b) in new[] { (12, 18), (0, 5), (7, 0), (-12, 18), (120, -84), (97, 89) })
        {
            object Of(int v) => typeof(GenericTests).GetMethod(nameof(Truncate), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(t).Invoke(null, new object[] { v })!;
            Check(nameof(LanguageGenerics.Gcd), new[] { t }, Of(a), Of(b));
        }
    }

    private static T Truncate<T>(int v) where T : INumber<T> => T.CreateTruncating(v);

    [Theory]
    [MemberData(nameof(AllNumberTypes))]
    public void Horner_with_create_truncating_matches(Type t) => Run(nameof(HornerCase), t);

    private static void HornerCase<T>() where T : INumber<T>
    {
        var (compiled, original) = Delegates<Polynomial<T>>(nameof(LanguageGenerics.Horner), typeof(T));
        int[] coefficients = { 3, -7, 0, 250, -1 };
        foreach (int x in new[] { 0, 1, 2, -3, 9 })
        {
            T v = T.CreateTruncating(x);
            D.AssertSame(compiled(coefficients, v), original(coefficients, v), 0, $"Horner<{typeof(T).Name}>({x})");
        }
    }

    [Theory]
    [MemberData(nameof(AllNumberTypes))]
    public void Scale_a_span_in_place_matches(Type t) => Run(nameof(ScaleCase), t);

    private static void ScaleCase<T>() where T : INumber<T>
    {
        var (compiled, original) = Delegates<SpanScale<T>>(nameof(LanguageGenerics.Scale), typeof(T));
        var a = Data<T>(33, 7);
        var b = (T[])a.Clone();
        compiled(a, T.CreateTruncating(3));
        original(b, T.CreateTruncating(3));
        D.AssertSame(a, b, 0, $"Scale<{typeof(T).Name}>");
    }

    [Fact]
    public void Comparisons_keep_nan_unordered()
    {
        var x = new[] { 1.0, double.NaN, -2.0, 5.0, double.PositiveInfinity, 3.0 };
        Check(nameof(LanguageGenerics.CountInRange), new[] { typeof(double) }, x, -2.0, 3.0).ShouldBe(3);
        Check(nameof(LanguageGenerics.CountInRange), new[] { typeof(float) }, new[] { 1f, float.NaN, 2f }, float.NaN, 3f);
        Check(nameof(LanguageGenerics.CountInRange), new[] { typeof(ushort) }, new ushort[] { 1, 65535, 40000, 7 }, (ushort)7, (ushort)40000);
        Check(nameof(LanguageGenerics.CountInRange), new[] { typeof(int) }, new[] { -5, 0, 5, int.MinValue }, -5, 4);
    }

    [Fact]
    public void Conversions_out_of_a_type_parameter_match()
    {
        var doubles = new[] { 0.0, -1.5, 300.7, double.NaN, double.PositiveInfinity, -1e300, 1e10, 2147483647.9 };
        Check(nameof(LanguageGenerics.Conversions), new[] { typeof(double) }, doubles, new int[doubles.Length], new byte[doubles.Length]);
        var floats = new[] { 0f, -1.5f, 255.5f, float.NaN, float.NegativeInfinity, 3e9f };
        Check(nameof(LanguageGenerics.Conversions), new[] { typeof(float) }, floats, new int[floats.Length], new byte[floats.Length]);
        var longs = new[] { 0L, -1, 256, long.MaxValue, long.MinValue, 1L << 40 };
        Check(nameof(LanguageGenerics.Conversions), new[] { typeof(long) }, longs, new int[longs.Length], new byte[longs.Length]);
        var ulongs = new ulong[] { 0UL, 255, 256, ulong.MaxValue, 1UL << 63 };
        Check(nameof(LanguageGenerics.Conversions), new[] { typeof(ulong) }, ulongs, new int[ulongs.Length], new byte[ulongs.Length]);
        var sbytes = new sbyte[] { 0, -1, 127, -128 };
        Check(nameof(LanguageGenerics.Conversions), new[] { typeof(sbyte) }, sbytes, new int[sbytes.Length], new byte[sbytes.Length]);
    }

    [Fact]
    public void Two_type_parameters_convert_with_saturation()
    {
        CheckConvert(new[] { 0.5, -1e20, 1e20, double.NaN, 123.9 }, new int[5]);
        CheckConvert(new[] { -1, 0, 255, 256, int.MaxValue, int.MinValue }, new byte[6]);
        CheckConvert(new long[] { long.MinValue, -40000, 40000, 5 }, new short[4]);
        CheckConvert(new ulong[] { ulong.MaxValue, 5, 1UL << 63 }, new long[3]);
        CheckConvert(new short[] { -5, 0, 32767 }, new ulong[3]);
        CheckConvert(new[] { 1.5f, float.NaN, float.MaxValue }, new double[3]);
        CheckConvert(new[] { -1.0, 1e30, 42.5 }, new ulong[3]);
        CheckConvert(new uint[] { 0, 127, 128, uint.MaxValue }, new sbyte[4]);
    }

    private static void CheckConvert<TFrom, TTo>(TFrom[] x, TTo[] y) where TFrom : INumber<TFrom> where TTo : INumber<TTo>
    {
        var (compiled, original) = Delegates<SpanConvert<TFrom, TTo>>(nameof(LanguageGenerics.ConvertAll), typeof(TFrom), typeof(TTo));
        var a = (TTo[])y.Clone();
        var b = (TTo[])y.Clone();
        compiled(x, a);
        original(x, b);
        D.AssertSame(a, b, 0, $"ConvertAll<{typeof(TFrom).Name}, {typeof(TTo).Name}>");
    }

    [Theory]
    [MemberData(nameof(IntegerTypes))]
    public void Shifts_and_bitwise_operators_match(Type t)
    {
        var truncate = typeof(GenericTests).GetMethod(nameof(Truncate), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(t);
        foreach (int a in new[] { 0, 1, -1, 77, -128, 1000 })
            foreach (int n in new[] { 0, 1, 3, 7, 9, 31, 33, 65 })
                Check(nameof(LanguageGenerics.BitMix), new[] { t }, truncate.Invoke(null, new object[] { a }), n);
    }

    [Fact]
    public void Checked_arithmetic_throws_overflow_as_csharp_does()
    {
        Check(nameof(LanguageGenerics.CheckedSum), new[] { typeof(int) }, new[] { int.MaxValue, 1 });
        Check(nameof(LanguageGenerics.CheckedSum), new[] { typeof(int) }, new[] { 5, -7, 9 });
        Check(nameof(LanguageGenerics.CheckedSum), new[] { typeof(byte) }, new byte[] { 200, 56 });
        Check(nameof(LanguageGenerics.CheckedSum), new[] { typeof(byte) }, new byte[] { 200, 55 });
        Check(nameof(LanguageGenerics.CheckedSum), new[] { typeof(sbyte) }, new sbyte[] { -100, -29 });
        Check(nameof(LanguageGenerics.CheckedSum), new[] { typeof(ulong) }, new ulong[] { ulong.MaxValue, 1UL });
        Check(nameof(LanguageGenerics.CheckedSum), new[] { typeof(long) }, new[] { long.MinValue, -1L });
        Check(nameof(LanguageGenerics.CheckedSum), new[] { typeof(double) }, new[] { double.MaxValue, double.MaxValue });
    }

    [Fact]
    public void Generic_helpers_called_from_non_generic_kernels_match()
    {
        D.Check(K, nameof(LanguageGenerics.SumOfSquaresDouble), new[] { 1.5, -2.25, 1e10 });
        D.Check(K, nameof(LanguageGenerics.SumOfSquaresInt), new[] { 3, -4, 100000 });
        D.Check(K, nameof(LanguageGenerics.SumOfSquaresInt), Array.Empty<int>());
    }

    [Fact]
    public void A_type_argument_that_is_not_a_number_type_is_refused_under_strict()
    {
        // TestSetup sets NUMBA_JIT_STRICT=1: without it the original C# runs after the NJ1000 warning.
        var ex = Should.Throw<NotSupportedException>(() => LanguageGenerics.Sum<decimal>(new[] { 1m, 2m }));
        ex.Message.ShouldContain("System.Decimal");
    }
}

/// <summary>Runs alone (no other test compiles meanwhile), so the compile counter's change is this test's.</summary>
[Collection(CompileCounterCollection.Name)]
public class GenericCompileOnceTests
{
    [Fact]
    public void Each_type_argument_compiles_once_at_its_first_call()
    {
        int before = Statistics.CompileCount;
        LanguageGenerics.Quadratic(3.0).ShouldBe(13.0);
        (Statistics.CompileCount - before).ShouldBe(1);
        LanguageGenerics.Quadratic(4.0).ShouldBe(21.0);
        (Statistics.CompileCount - before).ShouldBe(1);
        LanguageGenerics.Quadratic(3).ShouldBe(13);
        (Statistics.CompileCount - before).ShouldBe(2);
        LanguageGenerics.Quadratic(5).ShouldBe(31);
        LanguageGenerics.Quadratic(2.0).ShouldBe(7.0);
        (Statistics.CompileCount - before).ShouldBe(2);
        CompileTimings.All.Keys.ShouldContain("Kernels.Fixture.LanguageGenerics::Quadratic<f64>(f64)");
        CompileTimings.All.Keys.ShouldContain("Kernels.Fixture.LanguageGenerics::Quadratic<i32>(i32)");
    }
}
