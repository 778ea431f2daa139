// Device side of Cuda.Atomic: the same names with ArrayView<T> in place of T[], over ILGPU.Atomic.
using System.ComponentModel;
using ILGPU;

namespace NumbaWeaver.Gpu.Compilation;

/// <summary>The weaver redirects each <c>Cuda.Atomic.X(T[] ...)</c> call in a kernel twin to the <c>X(ArrayView&lt;T&gt; ...)</c> here.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DeviceAtomic
{
    public static int Add(ArrayView<int> array, int index, int value) => Atomic.Add(ref KernelArrays.Ref(array, index), value);
    public static uint Add(ArrayView<uint> array, int index, uint value) => Atomic.Add(ref KernelArrays.Ref(array, index), value);
    public static long Add(ArrayView<long> array, int index, long value) => Atomic.Add(ref KernelArrays.Ref(array, index), value);
    public static ulong Add(ArrayView<ulong> array, int index, ulong value) => Atomic.Add(ref KernelArrays.Ref(array, index), value);
    public static float Add(ArrayView<float> array, int index, float value) => Atomic.Add(ref KernelArrays.Ref(array, index), value);
    public static double Add(ArrayView<double> array, int index, double value) => Atomic.Add(ref KernelArrays.Ref(array, index), value);

    public static int Max(ArrayView<int> array, int index, int value) => Atomic.Max(ref KernelArrays.Ref(array, index), value);
    public static uint Max(ArrayView<uint> array, int index, uint value) => Atomic.Max(ref KernelArrays.Ref(array, index), value);
    public static long Max(ArrayView<long> array, int index, long value) => Atomic.Max(ref KernelArrays.Ref(array, index), value);
    public static ulong Max(ArrayView<ulong> array, int index, ulong value) => Atomic.Max(ref KernelArrays.Ref(array, index), value);
    public static float Max(ArrayView<float> array, int index, float value) => Atomic.Max(ref KernelArrays.Ref(array, index), value);
    public static double Max(ArrayView<double> array, int index, double value) => Atomic.Max(ref KernelArrays.Ref(array, index), value);

    public static int Min(ArrayView<int> array, int index, int value) => Atomic.Min(ref KernelArrays.Ref(array, index), value);
    public static uint Min(ArrayView<uint> array, int index, uint value) => Atomic.Min(ref KernelArrays.Ref(array, index), value);
    public static long Min(ArrayView<long> array, int index, long value) => Atomic.Min(ref KernelArrays.Ref(array, index), value);
    public static ulong Min(ArrayView<ulong> array, int index, ulong value) => Atomic.Min(ref KernelArrays.Ref(array, index), value);
    public static float Min(ArrayView<float> array, int index, float value) => Atomic.Min(ref KernelArrays.Ref(array, index), value);
    public static double Min(ArrayView<double> array, int index, double value) => Atomic.Min(ref KernelArrays.Ref(array, index), value);

    public static int Exch(ArrayView<int> array, int index, int value) => Atomic.Exchange(ref KernelArrays.Ref(array, index), value);
    public static uint Exch(ArrayView<uint> array, int index, uint value) => Atomic.Exchange(ref KernelArrays.Ref(array, index), value);
    public static long Exch(ArrayView<long> array, int index, long value) => Atomic.Exchange(ref KernelArrays.Ref(array, index), value);
    public static ulong Exch(ArrayView<ulong> array, int index, ulong value) => Atomic.Exchange(ref KernelArrays.Ref(array, index), value);
    public static float Exch(ArrayView<float> array, int index, float value) => Atomic.Exchange(ref KernelArrays.Ref(array, index), value);
    public static double Exch(ArrayView<double> array, int index, double value) => Atomic.Exchange(ref KernelArrays.Ref(array, index), value);

    public static int Sub(ArrayView<int> array, int index, int value) => Atomic.Add(ref KernelArrays.Ref(array, index), -value);
    public static uint Sub(ArrayView<uint> array, int index, uint value) => Atomic.Add(ref KernelArrays.Ref(array, index), unchecked(0u - value));
    public static long Sub(ArrayView<long> array, int index, long value) => Atomic.Add(ref KernelArrays.Ref(array, index), -value);
    public static ulong Sub(ArrayView<ulong> array, int index, ulong value) => Atomic.Add(ref KernelArrays.Ref(array, index), unchecked(0UL - value));
    public static float Sub(ArrayView<float> array, int index, float value) => Atomic.Add(ref KernelArrays.Ref(array, index), -value);
    public static double Sub(ArrayView<double> array, int index, double value) => Atomic.Add(ref KernelArrays.Ref(array, index), -value);

    public static int CompareAndSwap(ArrayView<int> array, int index, int expected, int value) =>
        Atomic.CompareExchange(ref KernelArrays.Ref(array, index), expected, value);
    public static uint CompareAndSwap(ArrayView<uint> array, int index, uint expected, uint value) =>
        Atomic.CompareExchange(ref KernelArrays.Ref(array, index), expected, value);
    public static long CompareAndSwap(ArrayView<long> array, int index, long expected, long value) =>
        Atomic.CompareExchange(ref KernelArrays.Ref(array, index), expected, value);
    public static ulong CompareAndSwap(ArrayView<ulong> array, int index, ulong expected, ulong value) =>
        Atomic.CompareExchange(ref KernelArrays.Ref(array, index), expected, value);
}
