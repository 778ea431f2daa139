// Maps the status code returned by native code to the exception the original C# would throw.
using System;
using NumbaWeaver.IR;

namespace NumbaWeaver.Dispatch;

/// <summary>Called by stubs when compiled code returns a non-zero <see cref="Status"/>.</summary>
public static class StatusThrower
{
    /// <summary>The exception for <paramref name="status"/>; the stub throws it.</summary>
    public static Exception Create(int status) => (Status)status switch
    {
        Status.IndexOutOfRange => new IndexOutOfRangeException(),
        Status.DivideByZero => new DivideByZeroException(),
        Status.Overflow => new OverflowException(),
        Status.NullReference => new NullReferenceException(),
        // Let the library build these, so type and message are exactly its own.
        Status.SignOfNaN => Capture(() => Math.Sign(double.NaN)),
        Status.ClampMinGreaterThanMax => Capture(() => Math.Clamp(0, 1, 0)),
        Status.InvalidMidpointRounding => Capture(() => Math.Round(0.5, (MidpointRounding)(-1))),
        Status.AbsOfMinValue => Capture(() => Math.Abs(int.MinValue)),
        Status.BadDimension => Capture(() => new int[1, 1].GetLength(2)),
        Status.ParallelRuntimeFailure => new InvalidOperationException("NumbaWeaver: the parallel runtime failed: " + Parallel.ParallelRuntime.TakeLastFailure()),
        Status.PrangeZeroStep => new ArgumentException(Numba.ZeroStepMessage, "step"),
        Status.Raised => RaisedExceptions.TakePending(),
        Status.SliceOutOfRange => Capture(() => new int[1].AsSpan(2).Length),
        _ => new InvalidOperationException($"NumbaWeaver: compiled code returned unknown status {status}"),
    };

    /// <summary>The exception <paramref name="thrower"/> throws; an InvalidOperationException saying
    /// <paramref name="whenItSucceeds"/> if it does not.</summary>
    internal static Exception Capture(Func<object> thrower, string whenItSucceeds = "NumbaWeaver: expected an exception")
    {
        try
        {
            thrower();
        }
        catch (Exception ex)
        {
            return ex;
        }
        return new InvalidOperationException(whenItSucceeds);
    }
}
