// The CUDA-model tests, written once against CudaTarget; SimulatorTests and GpuTests run them on each target.
using System;
using NumbaWeaver;
using Xunit;

namespace NumbaWeaver.GpuTests;

/// <summary>Base of the CUDA-model tests: selects the target for each test. Results are checked against C# loops.</summary>
[Collection(CudaCollection.Name)]
public abstract partial class CudaModelTests
{
    protected CudaModelTests() => Cuda.Select(Target);

    protected abstract CudaTarget Target { get; }

    protected static float[] Sequence(int n, float scale, float offset = 0)
    {
        var a = new float[n];
        for (int i = 0; i < n; i++) a[i] = offset + scale * ((i * 37) % 101);
        return a;
    }
}

/// <summary>Always runs: ILGPU's CPU accelerator with CUDA limits.</summary>
public sealed class SimulatorTests : CudaModelTests
{
    protected override CudaTarget Target => CudaTarget.Simulator;
}

/// <summary>Runs where an NVIDIA GPU is present; elsewhere its tests are reported as skipped.</summary>
public sealed class GpuTests : CudaModelTests, IRequiresGpu
{
    protected override CudaTarget Target => CudaTarget.Gpu;
}
