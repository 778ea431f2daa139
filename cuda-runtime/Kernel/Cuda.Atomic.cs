// Cuda.Atomic.Add/Sub/Max/Min/Exch/CompareAndSwap on array elements (Numba's cuda.atomic); the weaver maps them to DeviceAtomic.
namespace NumbaWeaver;

public static partial class Cuda
{
    /// <summary>
    /// <c>cuda.atomic</c>: read-modify-write of <c>array[index]</c> that returns the old value.
    /// Works on global and shared arrays of int, uint, long, ulong, float and double inside kernels.
    /// </summary>
    public static class Atomic
    {
        public static int Add(int[] array, int index, int value) => throw KernelOnly("Cuda.Atomic.Add");
        public static uint Add(uint[] array, int index, uint value) => throw KernelOnly("Cuda.Atomic.Add");
        public static long Add(long[] array, int index, long value) => throw KernelOnly("Cuda.Atomic.Add");
        public static ulong Add(ulong[] array, int index, ulong value) => throw KernelOnly("Cuda.Atomic.Add");
        public static float Add(float[] array, int index, float value) => throw KernelOnly("Cuda.Atomic.Add");
        public static double Add(double[] array, int index, double value) => throw KernelOnly("Cuda.Atomic.Add");

        public static int Sub(int[] array, int index, int value) => throw KernelOnly("Cuda.Atomic.Sub");
        public static uint Sub(uint[] array, int index, uint value) => throw KernelOnly("Cuda.Atomic.Sub");
        public static long Sub(long[] array, int index, long value) => throw KernelOnly("Cuda.Atomic.Sub");
        public static ulong Sub(ulong[] array, int index, ulong value) => throw KernelOnly("Cuda.Atomic.Sub");
        public static float Sub(float[] array, int index, float value) => throw KernelOnly("Cuda.Atomic.Sub");
        public static double Sub(double[] array, int index, double value) => throw KernelOnly("Cuda.Atomic.Sub");

        public static int Max(int[] array, int index, int value) => throw KernelOnly("Cuda.Atomic.Max");
        public static uint Max(uint[] array, int index, uint value) => throw KernelOnly("Cuda.Atomic.Max");
        public static long Max(long[] array, int index, long value) => throw KernelOnly("Cuda.Atomic.Max");
        public static ulong Max(ulong[] array, int index, ulong value) => throw KernelOnly("Cuda.Atomic.Max");
        public static float Max(float[] array, int index, float value) => throw KernelOnly("Cuda.Atomic.Max");
        public static double Max(double[] array, int index, double value) => throw KernelOnly("Cuda.Atomic.Max");

        public static int Min(int[] array, int index, int value) => throw KernelOnly("Cuda.Atomic.Min");
        public static uint Min(uint[] array, int index, uint value) => throw KernelOnly("Cuda.Atomic.Min");
        public static long Min(long[] array, int index, long value) => throw KernelOnly("Cuda.Atomic.Min");
        public static ulong Min(ulong[] array, int index, ulong value) => throw KernelOnly("Cuda.Atomic.Min");
        public static float Min(float[] array, int index, float value) => throw KernelOnly("Cuda.Atomic.Min");
        public static double Min(double[] array, int index, double value) => throw KernelOnly("Cuda.Atomic.Min");

        public static int Exch(int[] array, int index, int value) => throw KernelOnly("Cuda.Atomic.Exch");
        public static uint Exch(uint[] array, int index, uint value) => throw KernelOnly("Cuda.Atomic.Exch");
        public static long Exch(long[] array, int index, long value) => throw KernelOnly("Cuda.Atomic.Exch");
        public static ulong Exch(ulong[] array, int index, ulong value) => throw KernelOnly("Cuda.Atomic.Exch");
        public static float Exch(float[] array, int index, float value) => throw KernelOnly("Cuda.Atomic.Exch");
        public static double Exch(double[] array, int index, double value) => throw KernelOnly("Cuda.Atomic.Exch");

        /// <summary><c>cuda.atomic.cas(array, index, old, value)</c>: stores <paramref name="value"/> if the element equals
        /// <paramref name="expected"/>; returns the element's previous value either way.</summary>
        public static int CompareAndSwap(int[] array, int index, int expected, int value) => throw KernelOnly("Cuda.Atomic.CompareAndSwap");
        public static uint CompareAndSwap(uint[] array, int index, uint expected, uint value) => throw KernelOnly("Cuda.Atomic.CompareAndSwap");
        public static long CompareAndSwap(long[] array, int index, long expected, long value) => throw KernelOnly("Cuda.Atomic.CompareAndSwap");
        public static ulong CompareAndSwap(ulong[] array, int index, ulong expected, ulong value) => throw KernelOnly("Cuda.Atomic.CompareAndSwap");
    }
}
