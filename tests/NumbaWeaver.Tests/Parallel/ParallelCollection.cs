// The parallel tests change process-wide thread settings: one collection, run alone, with NUMBA_NUM_THREADS=8.
using System;
using System.Runtime.CompilerServices;
using Xunit;

namespace NumbaWeaver.Tests.Parallel;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ParallelCollection
{
    public const string Name = "Parallel loops";

    /// <summary>Tests run loops with 8 threads even on a 2-core machine: allow that before the runtime reads the switch.</summary>
    [ModuleInitializer]
    internal static void AllowEightThreads()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NUMBA_NUM_THREADS")))
            Environment.SetEnvironmentVariable("NUMBA_NUM_THREADS", "8");
    }
}
