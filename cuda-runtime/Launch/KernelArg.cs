// KernelArg<T>: one launch argument for a kernel parameter of type T: a host value, or a device array standing in for T[] / T[,].
using System.ComponentModel;

namespace NumbaWeaver;

/// <summary>
/// Lets a typed launch accept both host values (<c>float[]</c>, <c>int</c>) and device arrays
/// (<see cref="DeviceArray{T}"/> converts to <c>KernelArg&lt;T[]&gt;</c>) for the same parameter,
/// checked by the C# compiler.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct KernelArg<T>
{
    internal KernelArg(object? value) => Value = value;

    internal readonly object? Value;

    public static implicit operator KernelArg<T>(T value) => new(value);
}
