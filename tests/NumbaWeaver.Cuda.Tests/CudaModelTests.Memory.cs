// Device arrays, pinned arrays, streams and events, and the in-memory kernel cache.
using System.Diagnostics;
using System.Linq;
using NumbaWeaver;
using CudaFixture;
using Shouldly;

namespace NumbaWeaver.GpuTests;

public abstract partial class CudaModelTests
{
    [CudaFact]
    public void Device_arrays_avoid_copies_until_copy_to_host()
    {
        int n = 256;
        var a = Sequence(n, 1f);
        var b = Sequence(n, 0.5f);
        using var da = Cuda.ToDevice(a);
        using var db = Cuda.ToDevice(b);
        using var dc = Cuda.DeviceArray<float>(n);
        var add = Cuda.Kernel<float[], float[], float[]>(BasicKernels.VecAdd);
        add[n / 64, 64](da, db, dc);
        add[n / 64, 64](dc, db, dc); // c = a + 2b, reading the previous result on the device
        var c = dc.CopyToHost();
        for (int i = 0; i < n; i++) c[i].ShouldBe(a[i] + b[i] + b[i]);
    }

    [CudaFact]
    public void Streams_order_async_copies_launches_and_events()
    {
        int n = 512;
        var x = Cuda.PinnedArray<float>(n);
        for (int i = 0; i < n; i++) x[i] = i;
        var y = Cuda.PinnedArray<float>(n);
        using var stream = Cuda.Stream();
        using var start = Cuda.Event();
        using var end = Cuda.Event();
        using var dx = Cuda.DeviceArray<float>(n);
        using var dy = Cuda.DeviceArray<float>(n);
        start.Record(stream);
        dx.CopyToDevice(x, stream);
        dy.CopyToDevice(y, stream);
        Cuda.Kernel<float, float[], float[]>(BasicKernels.Saxpy)[2, 128, stream](3f, dx, dy);
        dy.CopyToHost(y, stream);
        end.Record(stream);
        stream.Synchronize();
        y.ShouldBe(x.Select(v => 3f * v));
        Cuda.EventElapsedTime(start, end).ShouldBeGreaterThanOrEqualTo(0);
    }

    [CudaFact]
    public void Second_launch_reuses_the_compiled_kernel()
    {
        var a = new float[32];
        var b = new float[32];
        var c = new float[32];
        Cuda.Launch(BasicKernels.VecAdd, 1, 32, a, b, c); // compiles (or finds) the kernel
        int loaded = NumbaWeaver.Gpu.Launch.KernelCache.LoadCount;
        for (int i = 0; i < 5; i++) Cuda.Launch(BasicKernels.VecAdd, 1, 32, a, b, c);
        // No launch after the first loaded (compiled) the kernel again. (A count, not a time: timing a loaded machine flakes.)
        NumbaWeaver.Gpu.Launch.KernelCache.LoadCount.ShouldBe(loaded);
    }

    [CudaFact]
    public void Detect_reports_the_devices_and_the_target()
    {
        var text = new System.IO.StringWriter();
        bool gpu = Cuda.Detect(text);
        gpu.ShouldBe(Cuda.IsAvailable);
        text.ToString().ShouldContain("CUDA devices");
        text.ToString().ShouldContain(Target == CudaTarget.Simulator ? "simulator" : "GPU 0");
    }
}
