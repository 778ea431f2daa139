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
    /// <summary>OverflowException (checked arithmetic and conversions, MinValue / -1, Math.Abs(MinValue)).</summary>
    Overflow = 3,
    /// <summary>NullReferenceException.</summary>
    NullReference = 4,
    /// <summary>ArithmeticException of Math.Sign(NaN).</summary>
    SignOfNaN = 5,
    /// <summary>ArgumentException of Math.Clamp when min &gt; max.</summary>
    ClampMinGreaterThanMax = 6,
    /// <summary>ArgumentException of Math.Round with an undefined MidpointRounding.</summary>
    InvalidMidpointRounding = 7,
    /// <summary>A <c>throw</c> in compiled code: the runtime's raise hook recorded the exception for this thread (docs/abi.md).</summary>
    Raised = 8,
    /// <summary>ArgumentOutOfRangeException of Span.Slice / AsSpan(start, length) out of range.</summary>
    SliceOutOfRange = 9,
}
