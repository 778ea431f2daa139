// Element access the weaver substitutes for ldelem/stelem/ldelema/ldlen and T[,] Get/Set/Address/GetLength in kernel twins.
using System.ComponentModel;
using System.Diagnostics;
using ILGPU;

namespace NumbaWeaver.Gpu.Compilation;

/// <summary>
/// Each IL array instruction of a kernel becomes one call here, with the same stack shape, so
/// branch targets stay valid. Every access is checked: out of range, it asserts (on the simulator
/// the assertion becomes an <see cref="System.IndexOutOfRangeException"/> after the launch; on a
/// GPU ILGPU drops assertions) and touches nothing, never memory outside the array.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class KernelArrays
{
    /// <summary>Prefix of the assertion messages the simulator's fault listener turns into exceptions.</summary>
    public const string FaultPrefix = "NumbaWeaver.Cuda: ";

    public const string IndexFault = FaultPrefix + "index out of range";

    public static T Load<T>(ArrayView<T> array, int index) where T : unmanaged
    {
        if ((uint)index >= (uint)array.IntLength)
        {
            Trace.Assert(false, IndexFault);
            return default;
        }
        return array[index];
    }

    public static void Store<T>(ArrayView<T> array, int index, T value) where T : unmanaged
    {
        if ((uint)index >= (uint)array.IntLength)
        {
            Trace.Assert(false, IndexFault);
            return;
        }
        array[index] = value;
    }

    /// <summary>ldelema. Out of range it asserts and returns the first element (or, for an empty array, a per-thread dummy).</summary>
    public static ref T Ref<T>(ArrayView<T> array, int index) where T : unmanaged
    {
        if ((uint)index >= (uint)array.IntLength)
        {
            Trace.Assert(false, IndexFault);
            if (array.IntLength == 0) return ref LocalMemory.Allocate<T>(1)[0];
            return ref array[0];
        }
        return ref array[index];
    }

    public static int Length<T>(ArrayView<T> array) where T : unmanaged => array.IntLength;

    public static int GetLength<T>(ArrayView<T> array, int dimension) where T : unmanaged
    {
        Trace.Assert(dimension == 0, IndexFault);
        return array.IntLength;
    }

    public static T Load2<T>(DeviceMatrix<T> m, int row, int column) where T : unmanaged
    {
        if ((uint)row >= (uint)m.Rows || (uint)column >= (uint)m.Columns)
        {
            Trace.Assert(false, IndexFault);
            return default;
        }
        return m.Data[row * m.Columns + column];
    }

    public static void Store2<T>(DeviceMatrix<T> m, int row, int column, T value) where T : unmanaged
    {
        if ((uint)row >= (uint)m.Rows || (uint)column >= (uint)m.Columns)
        {
            Trace.Assert(false, IndexFault);
            return;
        }
        m.Data[row * m.Columns + column] = value;
    }

    public static ref T Ref2<T>(DeviceMatrix<T> m, int row, int column) where T : unmanaged
    {
        if ((uint)row >= (uint)m.Rows || (uint)column >= (uint)m.Columns)
        {
            Trace.Assert(false, IndexFault);
            return ref Ref(m.Data, 0);
        }
        return ref m.Data[row * m.Columns + column];
    }

    public static int Length2<T>(DeviceMatrix<T> m) where T : unmanaged => m.Rows * m.Columns;

    public static int GetLength2<T>(DeviceMatrix<T> m, int dimension) where T : unmanaged
    {
        Trace.Assert(dimension == 0 || dimension == 1, IndexFault);
        return dimension == 0 ? m.Rows : m.Columns;
    }

    // Unchecked forms, for [CudaJit(BoundsCheck = false)]: an index out of range reads or writes whatever lies there
    // (undefined behaviour, as in numba-cuda, which checks nothing by default).

    public static T LoadUnchecked<T>(ArrayView<T> array, int index) where T : unmanaged => array[index];

    public static void StoreUnchecked<T>(ArrayView<T> array, int index, T value) where T : unmanaged => array[index] = value;

    public static ref T RefUnchecked<T>(ArrayView<T> array, int index) where T : unmanaged => ref array[index];

    public static T Load2Unchecked<T>(DeviceMatrix<T> m, int row, int column) where T : unmanaged => m.Data[row * m.Columns + column];

    public static void Store2Unchecked<T>(DeviceMatrix<T> m, int row, int column, T value) where T : unmanaged =>
        m.Data[row * m.Columns + column] = value;

    public static ref T Ref2Unchecked<T>(DeviceMatrix<T> m, int row, int column) where T : unmanaged => ref m.Data[row * m.Columns + column];
}
