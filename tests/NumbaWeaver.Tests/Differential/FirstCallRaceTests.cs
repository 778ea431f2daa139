// Sixteen threads released together make the first call of a never-called kernel: one compilation, sixteen right answers.
using System.Linq;
using System.Threading;
using Kernels.Fixture;
using NumbaWeaver.Dispatch;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Differential;

/// <summary>Runs alone (no other test compiles meanwhile), so the compile counter's change is this test's.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CompileCounterCollection
{
    public const string Name = "Compile counter (runs alone)";
}

[Collection(CompileCounterCollection.Name)]
public class FirstCallRaceTests
{
    [Fact]
    public void Sixteen_first_callers_compile_once_and_all_get_the_result()
    {
        const int threads = 16;
        const long n = 100_000;
        long expected = (long)Differential.Twin(typeof(FirstCall), nameof(FirstCall.RacedKernel)).Invoke(null, new object[] { n })!;
        int before = Statistics.CompileCount;
        var results = new long[threads];
        using var barrier = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            barrier.SignalAndWait();
            results[t] = FirstCall.RacedKernel(n);
        })).ToArray();
        foreach (var w in workers) w.Start();
        foreach (var w in workers) w.Join();

        results.ShouldAllBe(r => r == expected);
        // One entry was compiled; its helper RacedHelper is lowered into the same LLVM module, not counted apart.
        (Statistics.CompileCount - before).ShouldBe(1);
        FirstCall.RacedKernel(n).ShouldBe(expected);
        (Statistics.CompileCount - before).ShouldBe(1);
    }
}
