// Cuda.Grid, GridSize, ThreadIdx, BlockIdx, BlockDim, GridDim, LaneId, WarpSize: thin wrappers over ILGPU's Grid/Group/Warp that ILGPU inlines.
using ILGPU;

namespace NumbaWeaver;

/// <summary>
/// Numba's <c>numba.cuda</c> module for C#. The members in this file are only meaningful inside a
/// [CudaJit] kernel (ILGPU compiles them into the kernel); on the host they throw.
/// </summary>
public static partial class Cuda
{
    /// <summary>This thread's absolute position in the grid (Numba's <c>cuda.grid(ndim)</c>):
    /// <c>int i = Cuda.Grid(1);</c>, <c>var (x, y) = Cuda.Grid(2);</c>. <paramref name="ndim"/> documents the intent.</summary>
    public static GridIndex Grid(int ndim)
    {
        var g = ILGPU.Grid.GlobalIndex;
        return new GridIndex(g.X, g.Y, g.Z);
    }

    /// <summary>The number of threads in the grid per dimension (Numba's <c>cuda.gridsize(ndim)</c>), for grid-stride loops.</summary>
    public static GridIndex GridSize(int ndim) =>
        new(ILGPU.Grid.DimX * Group.DimX, ILGPU.Grid.DimY * Group.DimY, ILGPU.Grid.DimZ * Group.DimZ);

    /// <summary><c>cuda.threadIdx</c>: this thread's index within its block.</summary>
    public static Dim3 ThreadIdx => new(Group.IdxX, Group.IdxY, Group.IdxZ);

    /// <summary><c>cuda.blockIdx</c>: this block's index within the grid.</summary>
    public static Dim3 BlockIdx => new(ILGPU.Grid.IdxX, ILGPU.Grid.IdxY, ILGPU.Grid.IdxZ);

    /// <summary><c>cuda.blockDim</c>: threads per block.</summary>
    public static Dim3 BlockDim => new(Group.DimX, Group.DimY, Group.DimZ);

    /// <summary><c>cuda.gridDim</c>: blocks per grid.</summary>
    public static Dim3 GridDim => new(ILGPU.Grid.DimX, ILGPU.Grid.DimY, ILGPU.Grid.DimZ);

    /// <summary><c>cuda.laneid</c>: this thread's lane in its warp.</summary>
    public static int LaneId => Warp.LaneIdx;

    /// <summary><c>cuda.warpsize</c>: 32 on NVIDIA GPUs and on the simulator.</summary>
    public static int WarpSize => Warp.WarpSize;
}
