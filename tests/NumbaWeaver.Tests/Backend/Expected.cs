// Runs the reference C# and maps its exception to the status compiled code must return (docs/abi.md).
using System;
using System.Linq;
using NumbaWeaver.Dispatch;
using NumbaWeaver.IR;
using Shouldly;

namespace NumbaWeaver.Tests.Backend;

internal static class Expected
{
    /// <summary>(status, value) of the managed computation; value is default when it threw.</summary>
    /// <remarks>The status is the one whose exception (StatusThrower) has the same type and message;
    /// ArgumentExceptions quote the caller's values, so compiled code raises them (status Raised) with those values:
    /// check the recorded exception with <see cref="ShouldHaveRaised"/>.</remarks>
    public static (int Status, T Value) Of<T>(Func<T> f, int argumentStatus = (int)Status.Raised)
    {
        try
        {
            return (0, f());
        }
        catch (ArgumentException) { return (argumentStatus, default!); }
        catch (Exception ex)
        {
            var status = Enum.GetValues<Status>().Where(s => s != Status.Ok)
                .FirstOrDefault(s => StatusThrower.Create((int)s) is var e && e.GetType() == ex.GetType() && e.Message == ex.Message);
            if (status == Status.Ok) throw;
            return ((int)status, default!);
        }
    }

    /// <summary>After compiled code returned <see cref="Status.Raised"/>: the exception it recorded on this thread is
    /// the one <paramref name="managed"/> throws, type and message (with the caller's values).</summary>
    public static void ShouldHaveRaised(Action managed, string what)
    {
        var raised = RaisedExceptions.TakePending();
        Exception? expected = null;
        try
        {
            managed();
        }
        catch (Exception ex)
        {
            expected = ex;
        }
        expected.ShouldNotBeNull(what);
        raised.GetType().ShouldBe(expected.GetType(), what);
        raised.Message.ShouldBe(expected.Message, what);
    }
}
