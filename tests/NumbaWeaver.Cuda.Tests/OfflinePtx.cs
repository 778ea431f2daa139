// ILGPU's PTX backend for an H100, made without a GPU: the PTX tests compile kernels with it on any machine.
using ILGPU.Backends.PTX;
using ILGPU.Runtime.Cuda;
using NumbaWeaver.Gpu.Device;

namespace NumbaWeaver.GpuTests;

internal static class OfflinePtx
{
    public static readonly CudaArchitecture H100 = new(9, 0);
    public static readonly CudaInstructionSet Isa = new(7, 8);

    public static PTXBackend Backend(CudaArchitecture architecture) =>
        new(DeviceSession.Instance.Context, new CudaCapabilityContext(architecture), architecture, Isa, nvvmAPI: null);
}
