// Kernels that call [CudaJit(Device = true)] functions of another assembly (Cuda.Fixture), with arrays and scalars.
using CudaFixture;
using NumbaWeaver;

namespace CudaCrossFixture;

public static class CrossAssemblyKernels
{
    /// <summary>r[i] = SumWindow(x, i, 3) + Polynomial(x[i]), both device functions of Cuda.Fixture.</summary>
    [CudaJit]
    public static void WindowPlusPolynomial(float[] x, float[] r)
    {
        int i = Cuda.Grid(1);
        if (i < r.Length) r[i] = BasicKernels.SumWindow(x, i, 3) + BasicKernels.Polynomial(x[i]);
    }
}
