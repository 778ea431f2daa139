// Exceptions of library functions compiled natively (Math.Clamp, Math.Round): the runtime repeats the call with the offending values.
using System;
using NumbaWeaver.IR;

namespace NumbaWeaver.Dispatch;

/// <summary>
/// A <see cref="ThrowDescriptor"/> whose exception type starts with <c>@</c> names a library call instead of an
/// exception type (<see cref="Clamp"/>, <see cref="RoundMode"/>). Native code records the arguments that made
/// the call fail, and the exception is the one .NET itself throws for them, so type and message (values included,
/// in the current culture and language) are exactly the library's.
/// </summary>
public static class LibraryExceptions
{
    /// <summary><c>@Math.Clamp</c> with holes (min, max) of the clamped type: min &gt; max.</summary>
    public const string Clamp = "@Math.Clamp";

    /// <summary><c>@Math.Round</c> with one i32 hole, the undefined MidpointRounding value.</summary>
    public const string RoundMode = "@Math.Round";

    public static bool IsLibraryCall(string exceptionType) => exceptionType.StartsWith("@", StringComparison.Ordinal);

    /// <summary>The exception the named call throws for <paramref name="values"/>.</summary>
    public static Exception Create(string call, object[] values) => call switch
    {
        Clamp => CaptureClamp(values[0], values[1]),
        RoundMode => Capture(() => Math.Round(0.5, (MidpointRounding)(int)values[0])),
        _ => new InvalidOperationException($"NumbaWeaver: unknown library exception '{call}'"),
    };

    private static Exception CaptureClamp(object min, object max) => min switch
    {
        sbyte a => Capture(() => Math.Clamp(a, a, (sbyte)max)),
        byte a => Capture(() => Math.Clamp(a, a, (byte)max)),
        short a => Capture(() => Math.Clamp(a, a, (short)max)),
        ushort a => Capture(() => Math.Clamp(a, a, (ushort)max)),
        int a => Capture(() => Math.Clamp(a, a, (int)max)),
        uint a => Capture(() => Math.Clamp(a, a, (uint)max)),
        long a => Capture(() => Math.Clamp(a, a, (long)max)),
        ulong a => Capture(() => Math.Clamp(a, a, (ulong)max)),
        float a => Capture(() => Math.Clamp(a, a, (float)max)),
        double a => Capture(() => Math.Clamp(a, a, (double)max)),
        _ => new InvalidOperationException($"NumbaWeaver: Math.Clamp of {min.GetType()} is not compiled"),
    };

    private static Exception Capture(Func<object> call) =>
        StatusThrower.Capture(call, "NumbaWeaver: the library call that failed in compiled code succeeded when repeated");
}
