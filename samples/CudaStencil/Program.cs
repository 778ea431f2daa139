// 2-D Jacobi stencil over float[,]: iterated on device arrays (ping-pong), timed with CUDA events, checked against the CPU.
using System;
using NumbaWeaver;

int n = args.Length > 0 ? int.Parse(args[0]) : Cuda.IsSimulator ? 32 : 1024;
int steps = args.Length > 1 ? int.Parse(args[1]) : Cuda.IsSimulator ? 4 : 100;
var grid = new float[n, n];
for (int i = 0; i < n; i++) grid[i, 0] = 1f; // a hot left edge

using var d0 = Cuda.ToDevice(grid);
using var d1 = Cuda.ToDevice(grid);
var step = Cuda.Kernel<float[,], float[,]>(Kernels.Jacobi);
Dim3 threads = (16, 16), blocks = ((n + 15) / 16, (n + 15) / 16);
step[blocks, threads](d0, d1); // compiles on first launch
d1.CopyToDevice(grid);
Cuda.Synchronize();

using var start = Cuda.Event();
using var end = Cuda.Event();
start.Record();
for (int s = 0; s < steps; s++)
{
    if (s % 2 == 0) step[blocks, threads](d0, d1);
    else step[blocks, threads](d1, d0);
}
end.Record();
end.Synchronize();
double ms = Cuda.EventElapsedTime(start, end);
var result = (steps % 2 == 1 ? d1 : d0).CopyToHost();

// CPU reference, with the same float arithmetic.
var cpu = (float[,])grid.Clone();
var next = (float[,])grid.Clone();
for (int s = 0; s < steps; s++)
{
    for (int i = 1; i < n - 1; i++)
    for (int j = 1; j < n - 1; j++)
        next[i, j] = 0.25f * (cpu[i - 1, j] + cpu[i + 1, j] + cpu[i, j - 1] + cpu[i, j + 1]);
    (cpu, next) = (next, cpu);
}
int wrong = 0;
for (int i = 0; i < n; i++)
for (int j = 0; j < n; j++)
    if (Math.Abs(result[i, j] - cpu[i, j]) > 1e-5f) wrong++;
Console.WriteLine($"RESULT stencil n={n} steps={steps} kernel_ms_per_step={ms / steps:F4} device=\"{Cuda.DeviceName}\" wrong={wrong}");
return wrong == 0 ? 0 : 1;

static class Kernels
{
    [CudaJit]
    public static void Jacobi(float[,] u, float[,] next)
    {
        var (j, i) = Cuda.Grid(2);
        int rows = u.GetLength(0), cols = u.GetLength(1);
        if (i <= 0 || j <= 0 || i >= rows - 1 || j >= cols - 1) return;
        next[i, j] = 0.25f * (u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1]);
    }
}
