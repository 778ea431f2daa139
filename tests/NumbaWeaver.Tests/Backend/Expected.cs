// Runs the reference C# and maps its exception to the status compiled code must return (docs/abi.md).
using System;
using System.Linq;
using NumbaWeaver.Dispatch;
using NumbaWeaver.IR;

namespace NumbaWeaver.Tests.Backend;

internal static class Expected
{
    /// <summary>(status, value) of the managed computation; value is default when it threw.</summary>
    /// <remarks>The status is the one whose exception (StatusThrower) has the same type and message;
    /// ArgumentExceptions quote the caller's values, so they map to <paramref name="argumentStatus"/>.</remarks>
    public static (int Status, T Value) Of<T>(Func<T> f, int argumentStatus = 6)
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
}
