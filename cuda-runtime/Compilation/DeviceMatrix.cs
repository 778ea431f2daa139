// DeviceMatrix<T>: what a T[,] kernel parameter becomes in the ILGPU twin: a row-major view plus its extents.
using System.ComponentModel;
using ILGPU;

namespace NumbaWeaver.Gpu.Compilation;

/// <summary>
/// C#'s <c>T[,]</c> is row-major (the last index is contiguous). The twin receives this struct
/// (ILGPU accepts structs holding views as kernel parameters) and indexes it through
/// <see cref="KernelArrays"/>. Users never name it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct DeviceMatrix<T> where T : unmanaged
{
    public DeviceMatrix(ArrayView<T> data, int rows, int columns)
    {
        Data = data;
        Rows = rows;
        Columns = columns;
    }

    public ArrayView<T> Data;
    public int Rows;
    public int Columns;
}
