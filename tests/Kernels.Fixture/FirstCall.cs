// Kernels reserved for the multi-threaded first-call test: no other test may call them, so their first call is that test's.
using NumbaWeaver;

namespace Kernels.Fixture;

public static class FirstCall
{
    /// <summary>Compiles two functions on first call: itself and the helper it calls.</summary>
    [Njit] public static long RacedKernel(long n)
    {
        long s = 0;
        for (long i = 1; i <= n; i++) s += RacedHelper(i);
        return s;
    }

    private static long RacedHelper(long i) => i * i % 7;
}
