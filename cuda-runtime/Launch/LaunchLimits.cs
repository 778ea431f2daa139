// Rejects launch configurations the device cannot run, with the limit that was exceeded in the message.
using System;
using ILGPU.Runtime;

namespace NumbaWeaver.Gpu.Launch;

internal static class LaunchLimits
{
    public static void Check(Accelerator accelerator, Dim3 blocks, Dim3 threads, string kernel)
    {
        if (blocks.X <= 0 || blocks.Y <= 0 || blocks.Z <= 0)
            throw new ArgumentOutOfRangeException(nameof(blocks), $"kernel {kernel}: blocks {blocks} must be positive in every dimension.");
        if (threads.X <= 0 || threads.Y <= 0 || threads.Z <= 0)
            throw new ArgumentOutOfRangeException(nameof(threads), $"kernel {kernel}: threads {threads} must be positive in every dimension.");
        int maxThreads = accelerator.MaxNumThreadsPerGroup;
        if (threads.Size > maxThreads)
            throw new ArgumentOutOfRangeException(nameof(threads),
                $"kernel {kernel}: {threads.Size} threads per block {threads} exceed the device's limit of {maxThreads} ({accelerator.Name}).");
        var group = accelerator.MaxGroupSize;
        if (threads.X > group.X || threads.Y > group.Y || threads.Z > group.Z)
            throw new ArgumentOutOfRangeException(nameof(threads),
                $"kernel {kernel}: threads per block {threads} exceed the device's per-dimension limit ({group.X}, {group.Y}, {group.Z}).");
        var grid = accelerator.MaxGridSize;
        if (blocks.X > grid.X || blocks.Y > grid.Y || blocks.Z > grid.Z)
            throw new ArgumentOutOfRangeException(nameof(blocks),
                $"kernel {kernel}: blocks {blocks} exceed the device's grid limit ({grid.X}, {grid.Y}, {grid.Z}).");
    }
}
