// Differential tests of try/finally: the finally block runs on normal exits, early returns, break, throws and failed checks.
using System;
using System.Linq;
using Kernels.Fixture;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Language;

public class FinallyTests
{
    private static readonly Type K = typeof(LanguageFinally);

    private static object? Check(string name, params object?[] args) => Differential.Differential.Check(K, name, args);

    [Fact]
    public void The_finally_block_runs_after_a_normal_exit()
    {
        var log = new int[1];
        LanguageFinally.SumThenMark(new[] { 1.0, 2.0, 3.5 }, log).ShouldBe(6.5);
        log[0].ShouldBe(1);
        Check(nameof(LanguageFinally.SumThenMark), new[] { 1.0, 2.0, 3.5 }, new int[1]);
        Check(nameof(LanguageFinally.SumThenMark), Array.Empty<double>(), new[] { 41 });
    }

    [Fact]
    public void The_finally_block_assigns_an_out_parameter()
    {
        LanguageFinally.FinallyWritesOut(4, out int cleaned).ShouldBe(12);
        cleaned.ShouldBe(104);
        Check(nameof(LanguageFinally.FinallyWritesOut), -9, 0);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(42)]
    public void Return_from_inside_the_try_runs_the_finally_block(int key)
    {
        var log = new[] { 1 };
        Check(nameof(LanguageFinally.ReturnFromTry), new[] { 5, 3, 8, 3 }, key, log);
        LanguageFinally.ReturnFromTry(new[] { 5, 3, 8, 3 }, key, log);
        log[0].ShouldBe(17);
    }

    [Theory]
    [InlineData(99)]
    [InlineData(4)]
    [InlineData(1)]
    public void Break_and_continue_out_of_the_try_run_the_finally_block(int stop)
    {
        var a = new[] { 1, -2, 3, 4, 5 };
        Check(nameof(LanguageFinally.BreakOutOfTry), a, stop, new int[a.Length]);
        var log = new int[a.Length];
        LanguageFinally.BreakOutOfTry(a, 4, log);
        log.ShouldBe(new[] { 1, 1, 1, 1, 0 });
    }

    [Theory]
    [InlineData(-3)]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(6)]
    public void Nested_blocks_run_inner_then_outer(int n) => Check(nameof(LanguageFinally.Nested), n, new int[4]);

    [Fact]
    public void A_throw_inside_the_try_runs_the_finally_block_first()
    {
        var log = new int[2];
        var ex = Should.Throw<ArgumentException>(() => LanguageFinally.ThrowInsideTry(new[] { 4.0, 9.0, -1.0, 16.0 }, log));
        ex.Message.ShouldBe("a[2] = -1 is negative");
        log.ShouldBe(new[] { 1, 5 });
        Check(nameof(LanguageFinally.ThrowInsideTry), new[] { 4.0, 9.0, -1.0, 16.0 }, new int[2]);
        Check(nameof(LanguageFinally.ThrowInsideTry), new[] { 4.0, 9.0 }, new int[2]);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(7, 2)]  // IndexOutOfRangeException
    [InlineData(1, 0)]  // DivideByZeroException
    public void A_failed_check_inside_nested_trys_runs_both_finally_blocks(int i, int d)
    {
        Check(nameof(LanguageFinally.CheckFailsInsideTry), new[] { 10, 20, 30 }, i, d, new int[1]);
        var log = new int[1];
        try { LanguageFinally.CheckFailsInsideTry(new[] { 10, 20, 30 }, i, d, log); }
        catch (SystemException) { }
        log[0].ShouldBe(12);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(-5)]
    public void A_helper_throw_passes_through_the_finally_block(int n) => Check(nameof(LanguageFinally.CallsThrowingHelper), n, new int[1]);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_throw_in_the_finally_block_replaces_the_exception(int n) => Check(nameof(LanguageFinally.ThrowInFinallyReplaces), n, new int[2]);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(3)]
    public void A_try_finally_inside_a_finally_block(int n) => Check(nameof(LanguageFinally.FinallyInFinally), n, new int[3]);

    [Fact]
    public void A_try_finally_inside_a_parallel_loop_body()
    {
        var a = Enumerable.Range(0, 5000).Select(i => (double)i).ToArray();
        Check(nameof(LanguageFinally.ParallelFinally), a, new int[a.Length]);
        var marks = new int[a.Length];
        a[4000] = -1;
        Should.Throw<ArgumentException>(() => LanguageFinally.ParallelFinally(a, marks)).Message.ShouldBe("negative");
        marks[4000].ShouldBe(1); // the failing iteration ran its finally block
    }

    [Theory]
    [InlineData(5.0, 0.0, 1.0)]
    [InlineData(5.0, 2.0, 1.0)] // ArgumentException from Math.Clamp
    public void A_library_exception_inside_the_try_runs_the_finally_block(double v, double lo, double hi) =>
        Check(nameof(LanguageFinally.ClampInsideTry), v, lo, hi, new int[1]);
}
