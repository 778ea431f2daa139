// Sum reduction: each block reduces its slice in shared memory, then adds it to the total with one atomic.
using System;
using NumbaWeaver;

int n = args.Length > 0 ? int.Parse(args[0]) : Cuda.IsSimulator ? 4096 : 1 << 24;
var x = new float[n];
// 0 and 1: every partial sum is an integer below 2^24, so the float sum is exact whatever the order (with values
// up to 9 the total passes 2^24, where floats are 8 apart, and the order of the atomic adds shows: seen on an H100).
for (int i = 0; i < n; i++) x[i] = i % 2;
var total = new float[1];
Cuda.Launch(Kernels.Sum, (n + Kernels.Threads - 1) / Kernels.Threads, Kernels.Threads, x, total);

double expected = 0;
foreach (var v in x) expected += v;
bool ok = total[0] == expected;
Console.WriteLine($"sum of {n} elements on {Cuda.DeviceName}: {total[0]} (CPU {expected}) {(ok ? "OK" : "FAILED")}");
return ok ? 0 : 1;

static class Kernels
{
    public const int Threads = 256;

    [CudaJit]
    public static void Sum(float[] x, float[] total)
    {
        float[] partial = Cuda.Shared.Array<float>(Threads);
        int t = Cuda.ThreadIdx.X;
        int i = Cuda.Grid(1);
        partial[t] = i < x.Length ? x[i] : 0f;
        Cuda.SyncThreads();
        for (int s = Threads / 2; s > 0; s /= 2)
        {
            if (t < s) partial[t] += partial[t + s];
            Cuda.SyncThreads();
        }
        if (t == 0) Cuda.Atomic.Add(total, 0, partial[0]);
    }
}
