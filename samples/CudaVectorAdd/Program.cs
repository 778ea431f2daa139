// Vector add: the smallest [CudaJit] program. Runs on an NVIDIA GPU, or on the simulator (NUMBA_ENABLE_CUDASIM=1 or no GPU).
using System;
using NumbaWeaver;

int n = args.Length > 0 ? int.Parse(args[0]) : Cuda.IsSimulator ? 10_000 : 10_000_000;
Cuda.Detect();
var a = new float[n];
var b = new float[n];
for (int i = 0; i < n; i++) { a[i] = i * 0.5f; b[i] = 2f - i; }

// Host arrays: copied to the device and back by the launch (Numba's kernel[blocks, threads](a, b, c)).
var c = new float[n];
const int threads = 256;
Cuda.Launch(Kernels.VecAdd, (n + threads - 1) / threads, threads, a, b, c);

// Device arrays: no copies between launches.
using var da = Cuda.ToDevice(a);
using var db = Cuda.ToDevice(b);
using var dc = Cuda.DeviceArray<float>(n);
Cuda.Kernel<float[], float[], float[]>(Kernels.VecAdd)[(n + threads - 1) / threads, threads](da, db, dc);
var c2 = dc.CopyToHost();

int wrong = 0;
for (int i = 0; i < n; i++)
    if (c[i] != a[i] + b[i] || c2[i] != c[i]) wrong++;
Console.WriteLine(wrong == 0 ? $"vector add of {n} elements on {Cuda.DeviceName}: OK" : $"FAILED: {wrong} wrong elements");
return wrong == 0 ? 0 : 1;

static class Kernels
{
    [CudaJit]
    public static void VecAdd(float[] a, float[] b, float[] c)
    {
        int i = Cuda.Grid(1);
        if (i < c.Length) c[i] = a[i] + b[i];
    }
}
