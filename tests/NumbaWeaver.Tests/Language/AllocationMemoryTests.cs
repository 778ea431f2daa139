// Memory stays bounded when allocating kernels run a million times: arrays die with the call that made them.
using System;
using Kernels.Fixture;
using NumbaWeaver.Dispatch;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Language;

/// <summary>Heap measurements: alone in their collection, so no other test allocates meanwhile.</summary>
[Collection(Name)]
public class AllocationMemoryTests
{
    public const string Name = "Allocation memory";

    [Fact]
    public void A_million_allocating_calls_keep_memory_bounded()
    {
        LanguageAllocation.ScratchSum(100).ShouldBe(4950);
        long before = GC.GetTotalMemory(forceFullCollection: true);
        long workingSetBefore = Environment.WorkingSet;
        double total = 0;
        for (int i = 0; i < 1_000_000; i++) total += LanguageAllocation.ScratchSum(100); // 824 MB allocated in all
        total.ShouldBe(4950.0 * 1_000_000);
        long after = GC.GetTotalMemory(forceFullCollection: true);
        (after - before).ShouldBeLessThan(16L << 20, $"managed heap grew from {before} to {after} bytes");
        (Environment.WorkingSet - workingSetBefore).ShouldBeLessThan(256L << 20, "working set growth");
        Allocations.Enter().ShouldBe(0, "the thread's allocation list is empty between calls");
    }

    [Fact]
    public void Prange_scratch_arrays_are_released_after_each_call()
    {
        LanguageAllocation.ParallelScratch(64, 1000);
        long before = GC.GetTotalMemory(forceFullCollection: true);
        for (int i = 0; i < 1500; i++) LanguageAllocation.ParallelScratch(64, 1000); // 768 MB of scratch rows in all
        long after = GC.GetTotalMemory(forceFullCollection: true);
        (after - before).ShouldBeLessThan(16L << 20, $"managed heap grew from {before} to {after} bytes");
    }
}

[CollectionDefinition(AllocationMemoryTests.Name, DisableParallelization = true)]
public class AllocationMemoryCollection;
