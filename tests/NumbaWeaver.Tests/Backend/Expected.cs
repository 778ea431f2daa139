// Runs the reference C# and maps its exception to the status compiled code must return (docs/abi.md).
using System;

namespace NumbaWeaver.Tests.Backend;

internal static class Expected
{
    /// <summary>(status, value) of the managed computation; value is default when it threw.</summary>
    public static (int Status, T Value) Of<T>(Func<T> f, int argumentStatus = 6)
    {
        try
        {
            return (0, f());
        }
        catch (IndexOutOfRangeException) { return (1, default!); }
        catch (DivideByZeroException) { return (2, default!); }
        catch (OverflowException) { return (3, default!); }
        catch (NullReferenceException) { return (4, default!); }
        catch (ArithmeticException) { return (5, default!); }
        catch (ArgumentException) { return (argumentStatus, default!); }
    }
}
