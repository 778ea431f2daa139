// Kernels over T[,]: 2-D grids, GetLength, element get/set/address, host and device 2-D arrays.
using NumbaWeaver;
using CudaFixture;
using Shouldly;

namespace NumbaWeaver.GpuTests;

public abstract partial class CudaModelTests
{
    private static double[,] Field(int rows, int cols)
    {
        var m = new double[rows, cols];
        for (int i = 0; i < rows; i++)
        for (int j = 0; j < cols; j++) m[i, j] = (i * 13 + j * 7) % 17 * 0.25;
        return m;
    }

    [CudaFact]
    public void Stencil_over_a_two_dimensional_array_matches_the_cpu()
    {
        int rows = 23, cols = 37;
        var input = Field(rows, cols);
        var output = new double[rows, cols];
        Cuda.Launch(MatrixKernels.Stencil, ((cols + 7) / 8, (rows + 7) / 8), (8, 8), input, output);
        for (int i = 0; i < rows; i++)
        for (int j = 0; j < cols; j++)
        {
            double expected = i == 0 || j == 0 || i == rows - 1 || j == cols - 1
                ? input[i, j]
                : 0.2 * (input[i, j] + input[i - 1, j] + input[i + 1, j] + input[i, j - 1] + input[i, j + 1]);
            output[i, j].ShouldBe(expected, $"[{i},{j}]");
        }
    }

    [CudaFact]
    public void Device_2d_arrays_stay_on_the_device_between_launches()
    {
        int rows = 9, cols = 20;
        var host = new float[rows, cols];
        for (int i = 0; i < rows; i++)
        for (int j = 0; j < cols; j++) host[i, j] = i - j;
        using var device = Cuda.ToDevice(host);
        var scale = Cuda.Kernel<float[,], float>(MatrixKernels.ScaleInPlace);
        scale[(3, 2), (8, 8)](device, 2f);
        scale[(3, 2), (8, 8)](device, -0.5f);
        var back = device.CopyToHost();
        for (int i = 0; i < rows; i++)
        for (int j = 0; j < cols; j++) back[i, j].ShouldBe(-(float)(i - j));
        host[0, 1].ShouldBe(-1f, "the host array is not touched by device-array launches");
    }
}
