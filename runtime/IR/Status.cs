// Status codes native functions return instead of throwing; the stub maps them to .NET exceptions.
namespace NumbaWeaver.IR;

/// <summary>
/// Returned by every compiled function (docs/abi.md). Zero means success; any other value makes
/// the caller return the same status at once, and the managed stub throws the matching exception.
/// </summary>
public enum Status
{
    Ok = 0,
    /// <summary>IndexOutOfRangeException (array/span index, GetLength dimension).</summary>
    IndexOutOfRange = 1,
    /// <summary>DivideByZeroException (integer / or % by zero).</summary>
    DivideByZero = 2,
    /// <summary>OverflowException (checked arithmetic and conversions, MinValue / -1).</summary>
    Overflow = 3,
    /// <summary>NullReferenceException.</summary>
    NullReference = 4,
    /// <summary>ArithmeticException of Math.Sign(NaN).</summary>
    SignOfNaN = 5,
    /// <summary>ArgumentException of Math.Clamp when min &gt; max.</summary>
    ClampMinGreaterThanMax = 6,
    /// <summary>ArgumentException of Math.Round with an undefined MidpointRounding.</summary>
    InvalidMidpointRounding = 7,
    /// <summary>OverflowException of Math.Abs(MinValue), whose message differs from checked arithmetic's.</summary>
    AbsOfMinValue = 8,
    /// <summary>IndexOutOfRangeException of GetLength/GetUpperBound/GetLowerBound with a bad dimension (its own message).</summary>
    BadDimension = 9,
    /// <summary>ArgumentException of Numba.Prange with a zero step.</summary>
    PrangeZeroStep = 10,
    /// <summary>InvalidOperationException: the parallel runtime itself failed (e.g. out of memory for reduction slots).</summary>
    ParallelRuntimeFailure = 11,
    /// <summary>A <c>throw</c> in compiled code: the runtime's raise hook recorded the exception for this thread (docs/abi.md).</summary>
    Raised = 12,
    /// <summary>ArgumentOutOfRangeException of Span.Slice / AsSpan(start, length) out of range.</summary>
    SliceOutOfRange = 13,
}
