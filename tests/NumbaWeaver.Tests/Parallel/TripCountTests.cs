// The parallel runtime's trip count against a 128-bit oracle, at the edges of the long range.
using System;
using NumbaWeaver.Parallel;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Parallel;

public class TripCountTests
{
    private static readonly long[] Edges = [long.MinValue, long.MinValue + 1, -1000, -7, -1, 0, 1, 2, 7, 1000, long.MaxValue - 1, long.MaxValue];
    private static readonly long[] Steps = [long.MinValue, long.MinValue + 1, -1000, -3, -2, -1, 1, 2, 3, 1000, long.MaxValue - 1, long.MaxValue];

    // range(start, stop, step) counted in 128 bits, truncated to long as the runtime's result is.
    private static long Oracle(long start, long stop, long step)
    {
        Int128 span = step > 0 ? (Int128)stop - start : (Int128)start - stop;
        if (span <= 0) return 0;
        Int128 magnitude = step > 0 ? step : -(Int128)step;
        return (long)((span + magnitude - 1) / magnitude);
    }

    [Fact]
    public void Every_edge_combination_matches_the_128_bit_count()
    {
        foreach (long start in Edges)
            foreach (long stop in Edges)
                foreach (long step in Steps)
                    ParallelRuntime.TripCount(start, stop, step).ShouldBe(Oracle(start, stop, step), $"range({start}, {stop}, {step})");
    }
}
