// Differential tests of throw in compiled code: the same exception type and message as the original C#.
using System;
using System.Globalization;
using System.Threading;
using Kernels.Fixture;
using NumbaWeaver.Dispatch;
using NumbaWeaver.IR;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Language;

public class ExceptionTests
{
    private static readonly Type K = typeof(LanguageExceptions);

    [Theory]
    [InlineData(4.0)]
    [InlineData(-1.0)]
    public void Literal_message_ArgumentException(double x) => Differential.Differential.Check(K, nameof(LanguageExceptions.CheckedSqrt), x);

    [Fact]
    public void The_compiled_throw_carries_type_and_message()
    {
        var ex = Should.Throw<ArgumentException>(() => LanguageExceptions.CheckedSqrt(-2));
        ex.Message.ShouldBe("x must not be negative");
        ex.InnerException.ShouldBeNull();
        // Thrown by the stub after native code returned, not by the original C# (the twin).
        ex.StackTrace!.ShouldNotContain("nj_original");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(-7)]
    [InlineData(int.MinValue)]
    public void Interpolated_ints_with_param_name(int i) =>
        Differential.Differential.Check(K, nameof(LanguageExceptions.ElementAt), new[] { 1, 2, 3, 4, 5 }, i);

    [Fact]
    public void Param_name_only_constructor()
    {
        Differential.Differential.Check(K, nameof(LanguageExceptions.ParamNameOnly), -3);
        Should.Throw<ArgumentOutOfRangeException>(() => LanguageExceptions.ParamNameOnly(-3)).ParamName.ShouldBe("n");
    }

    [Fact]
    public void Doubles_with_format_and_alignment_and_parameterless_constructor()
    {
        Differential.Differential.Check(K, nameof(LanguageExceptions.Normalize), new double[3]);
        Differential.Differential.Check(K, nameof(LanguageExceptions.Normalize), new[] { 1e200, 3.0 });
        Differential.Differential.Check(K, nameof(LanguageExceptions.Normalize), new[] { double.NaN, 3.0 });
        Differential.Differential.Check(K, nameof(LanguageExceptions.Normalize), new[] { 3.0, 4.0 });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-42)]
    [InlineData(int.MaxValue)]
    public void Every_scalar_type_formats_like_csharp(int code) =>
        Differential.Differential.Check(K, nameof(LanguageExceptions.AllKinds), code, true, 'q', (byte)200, (sbyte)-100,
            (short)-30000, (ushort)60000, 4000000000u, long.MinValue, ulong.MaxValue, 1.1f, -0.1);

    [Fact]
    public void Messages_follow_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Differential.Differential.Check(K, nameof(LanguageExceptions.AllKinds), 1, false, 'z', (byte)1, (sbyte)1,
                (short)1, (ushort)1, 1u, 1234567L, 1UL, 2.5f, 1234.5678);
            Should.Throw<ArgumentException>(() => LanguageExceptions.AllKinds(1, false, 'z', 1, 1, 1, 1, 1, 1, 1, 2.5f, 0.5))
                .Message.ShouldContain("2,5");
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData(3L, 1.5)]
    [InlineData(11L, 1.23456)]
    [InlineData(-11L, -1e-7)]
    public void Concat_Format_and_ToString(long n, double x) => Differential.Differential.Check(K, nameof(LanguageExceptions.Concatenated), n, x);

    [Fact]
    public void A_throw_in_a_callee_reaches_the_caller()
    {
        Differential.Differential.Check(K, nameof(LanguageExceptions.SumPositive), new[] { 1.0, 2.0, 3.0 });
        Differential.Differential.Check(K, nameof(LanguageExceptions.SumPositive), new[] { 1.0, 2.0, -0.0, 4.0 });
    }

    [Fact]
    public void Control_characters_quotes_and_non_ascii_survive()
    {
        Differential.Differential.Check(K, nameof(LanguageExceptions.Multiline), 1);
        Differential.Differential.Check(K, nameof(LanguageExceptions.Multiline), 2);
    }

    [Fact]
    public void Exceptions_stay_on_their_thread()
    {
        var errors = new Exception?[8];
        var threads = new Thread[errors.Length];
        for (int t = 0; t < threads.Length; t++)
        {
            int id = t;
            threads[t] = new Thread(() =>
            {
                for (int k = 0; k < 200; k++)
                {
                    try
                    {
                        LanguageExceptions.ElementAt(new int[id + 1], id + 1 + k);
                    }
                    catch (ArgumentOutOfRangeException ex) when (ex.Message.StartsWith($"index {id + 1 + k} is outside [0, {id + 1})", StringComparison.Ordinal))
                    {
                        continue;
                    }
                    catch (Exception ex)
                    {
                        errors[id] = ex;
                        return;
                    }
                    errors[id] = new Exception("no exception");
                    return;
                }
            });
            threads[t].Start();
        }
        foreach (var th in threads) th.Join();
        errors.ShouldAllBe(e => e == null);
    }

    [Fact]
    public void A_throw_in_a_parallel_loop_reaches_the_caller()
    {
        // Measured first (the runtime times an unmeasured loop inline), so the throwing call runs on workers.
        for (int k = 0; k < 3; k++) LanguageExceptions.CheckAllParallel(new double[1_000_000]);
        var a = new double[1_000_000];
        for (int i = 0; i < a.Length; i++) a[i] = i;
        a[777_777] = -1;
        var ex = Should.Throw<ArgumentOutOfRangeException>(() => LanguageExceptions.CheckAllParallel(a));
        ex.Message.ShouldStartWith("a[777777] = -1 is negative");
    }

    [Fact]
    public void Descriptor_round_trips_escapes()
    {
        var d = new ThrowDescriptor("System.ArgumentException", new[] { IrType.I32, IrType.Char }, new[] { "a|b%c\n{0}é", "" });
        var back = ThrowDescriptor.Decode(d.Encode());
        d.Encode().ShouldNotContain("\n");
        back.ExceptionType.ShouldBe("System.ArgumentException");
        back.HoleTypes.ShouldBe(new[] { IrType.I32, IrType.Char });
        back.Arguments.ShouldBe(new[] { "a|b%c\n{0}é", "" });
    }

    [Fact]
    public void Raised_status_without_a_record_is_a_clear_error()
    {
        var ex = StatusThrower.Create((int)Status.Raised);
        ex.ShouldBeOfType<InvalidOperationException>().Message.ShouldContain("none was recorded");
    }
}
