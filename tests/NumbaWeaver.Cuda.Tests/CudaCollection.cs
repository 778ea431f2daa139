// One xunit collection for every test that selects a CUDA target: Cuda.Select is process-wide, so they must not interleave.
using Xunit;

namespace NumbaWeaver.GpuTests;

[CollectionDefinition(Name)]
public sealed class CudaCollection
{
    public const string Name = "CUDA device";
}
