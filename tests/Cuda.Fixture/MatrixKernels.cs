// Kernels over T[,] parameters: 2-D grids, GetLength, Get/Set/Address on multi-dimensional arrays.
using NumbaWeaver;

namespace CudaFixture;

public static class MatrixKernels
{
    /// <summary>Five-point Jacobi step; the border is copied.</summary>
    [CudaJit]
    public static void Stencil(double[,] input, double[,] output)
    {
        var (x, y) = Cuda.Grid(2);
        int rows = input.GetLength(0), cols = input.GetLength(1);
        if (y >= rows || x >= cols) return;
        if (y == 0 || x == 0 || y == rows - 1 || x == cols - 1)
        {
            output[y, x] = input[y, x];
            return;
        }
        output[y, x] = 0.2 * (input[y, x] + input[y - 1, x] + input[y + 1, x] + input[y, x - 1] + input[y, x + 1]);
    }

    /// <summary>In-place scaling through the element address (m[i, j] *= s).</summary>
    [CudaJit]
    public static void ScaleInPlace(float[,] m, float s)
    {
        var (j, i) = Cuda.Grid(2);
        if (i < m.GetLength(0) && j < m.GetLength(1)) m[i, j] *= s;
    }

    /// <summary>Writes out of range on purpose when extra > 0.</summary>
    [CudaJit]
    public static void WriteBeyondRows(float[,] m, int extra)
    {
        var (j, i) = Cuda.Grid(2);
        if (i < m.GetLength(0) + extra && j < m.GetLength(1)) m[i, j] = 1f;
    }
}
