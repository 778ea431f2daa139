// Launch errors: configurations over the device's limits, out-of-range indices, wrong arguments, non-kernels.
using System;
using NumbaWeaver;
using CudaFixture;
using Shouldly;

namespace NumbaWeaver.GpuTests;

public abstract partial class CudaModelTests
{
    [CudaFact]
    public void Too_many_threads_per_block_is_rejected_with_the_limit()
    {
        var ex = Should.Throw<ArgumentOutOfRangeException>(() =>
            Cuda.Launch(BasicKernels.WriteUpTo, 1, 2048, new int[4], 4));
        ex.Message.ShouldContain("1024");
        ex.Message.ShouldContain("WriteUpTo");
        Should.Throw<ArgumentOutOfRangeException>(() => Cuda.Launch(BasicKernels.WriteUpTo, 1, (32, 32, 2), new int[4], 4));
        Should.Throw<ArgumentOutOfRangeException>(() => Cuda.Launch(BasicKernels.WriteUpTo, 0, 32, new int[4], 4));
    }

    [CudaFact]
    public void Untyped_launch_checks_argument_types()
    {
        var kernel = Cuda.Kernel(BasicKernels.VecAdd);
        var ex = Should.Throw<ArgumentException>(() => kernel[1, 32](new float[4], new double[4], new float[4]));
        ex.Message.ShouldContain("'b'");
        Should.Throw<ArgumentException>(() => kernel[1, 32](new float[4], new float[4]));
    }

    [CudaFact]
    public void Launching_a_device_function_or_an_unmarked_method_is_an_error()
    {
        var device = Cuda.Kernel((Func<float, float>)BasicKernels.Polynomial);
        Should.Throw<ArgumentException>(() => device[1, 1](1f)).Message.ShouldContain("device function");
        var notKernel = Should.Throw<ArgumentException>(() => Cuda.Launch<float>(x => BasicKernels.Polynomial(x), 1, 1, 1f));
        notKernel.Message.ShouldContain("not marked [CudaJit]");
    }
}
