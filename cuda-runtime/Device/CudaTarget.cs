// Which accelerator kernels run on: a real NVIDIA GPU through ILGPU's CUDA backend, or ILGPU's CPU simulator.
namespace NumbaWeaver;

/// <summary>The device <see cref="Cuda.Select"/> chooses.</summary>
public enum CudaTarget
{
    /// <summary>The GPU when one is found and <c>NUMBA_ENABLE_CUDASIM</c> is not 1; else the simulator.</summary>
    Auto = 0,
    /// <summary>The first NVIDIA GPU; selecting it without one throws.</summary>
    Gpu = 1,
    /// <summary>ILGPU's CPU accelerator with CUDA limits (warp 32, 1024 threads per block).</summary>
    Simulator = 2,
}
