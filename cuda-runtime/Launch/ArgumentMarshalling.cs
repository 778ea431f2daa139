// Turns launch arguments into what the ILGPU twin takes: host arrays are copied in (and back afterwards), device arrays pass their views.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ILGPU;
using ILGPU.Runtime;
using NumbaWeaver.Gpu.Compilation;

namespace NumbaWeaver.Gpu.Launch;

/// <summary>Buffers a launch allocated and the host arrays to refresh once the kernel finishes.</summary>
internal sealed class LaunchScope : IDisposable
{
    public List<MemoryBuffer> Temporaries { get; } = new();
    public List<Action<AcceleratorStream>> CopyBacks { get; } = new();

    public void Dispose()
    {
        foreach (var t in Temporaries) t.Dispose();
    }
}

/// <summary>Marshals one parameter kind; one instance per element type, made once by reflection.</summary>
internal abstract class ArgumentMarshaller
{
    private static readonly ConcurrentDictionary<Type, ArgumentMarshaller?> s_byType = new();

    /// <summary>Null for scalars (passed as they are).</summary>
    public static ArgumentMarshaller? For(Type parameterType) => s_byType.GetOrAdd(parameterType, t =>
    {
        if (t.IsSZArray)
            return (ArgumentMarshaller)Activator.CreateInstance(typeof(VectorMarshaller<>).MakeGenericType(t.GetElementType()!))!;
        if (t.IsArray && t.GetArrayRank() == 2)
            return (ArgumentMarshaller)Activator.CreateInstance(typeof(MatrixMarshaller<>).MakeGenericType(t.GetElementType()!))!;
        return null;
    });

    public abstract object ToDevice(object argument, Accelerator accelerator, AcceleratorStream stream, LaunchScope scope, string parameter);

    /// <summary>True when <paramref name="argument"/> can stand for this parameter.</summary>
    public abstract bool Accepts(object argument);

    protected static void CheckAccelerator(Accelerator owner, Accelerator current, string parameter)
    {
        if (!ReferenceEquals(owner, current))
            throw new ArgumentException($"the device array passed for '{parameter}' belongs to another device ({owner.Name}) than the one selected ({current.Name}).", parameter);
    }
}

internal sealed class VectorMarshaller<T> : ArgumentMarshaller where T : unmanaged
{
    public override bool Accepts(object argument) => argument is T[] or DeviceArray<T>;

    public override object ToDevice(object argument, Accelerator accelerator, AcceleratorStream stream, LaunchScope scope, string parameter)
    {
        if (argument is DeviceArray<T> device)
        {
            CheckAccelerator(device.Accelerator, accelerator, parameter);
            return device.View;
        }
        var host = (T[])argument;
        var buffer = accelerator.Allocate1D<T>(Math.Max(host.Length, 1));
        scope.Temporaries.Add(buffer);
        ArrayView<T> view = buffer.View.SubView(0, host.Length);
        view.CopyFromCPU(stream, host);
        scope.CopyBacks.Add(s => view.CopyToCPU(s, host));
        return view;
    }
}

internal sealed class MatrixMarshaller<T> : ArgumentMarshaller where T : unmanaged
{
    public override bool Accepts(object argument) => argument is T[,] or DeviceArray2D<T>;

    public override object ToDevice(object argument, Accelerator accelerator, AcceleratorStream stream, LaunchScope scope, string parameter)
    {
        if (argument is DeviceArray2D<T> device)
        {
            CheckAccelerator(device.Accelerator, accelerator, parameter);
            return device.Matrix;
        }
        var host = (T[,])argument;
        var buffer = accelerator.Allocate1D<T>(Math.Max(host.Length, 1));
        scope.Temporaries.Add(buffer);
        ArrayView<T> view = buffer.View.SubView(0, host.Length);
        view.CopyFromCPU(stream, HostMatrix.AsSpan(host));
        scope.CopyBacks.Add(s => view.CopyToCPU(s, HostMatrix.AsSpan(host)));
        return new DeviceMatrix<T>(view, host.GetLength(0), host.GetLength(1));
    }
}

/// <summary>A T[,] is stored row-major and contiguous: its elements as one span.</summary>
internal static class HostMatrix
{
    public static Span<T> AsSpan<T>(T[,] array) where T : unmanaged =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(array)), array.Length);

    /// <summary>Checks that a launch argument's runtime type fits a parameter; used by untyped launches.</summary>
    public static void CheckArgument(ParameterInfo parameter, object? argument, string kernel)
    {
        var type = parameter.ParameterType;
        if (argument == null)
            throw new ArgumentNullException(parameter.Name, $"kernel {kernel}: the argument for '{parameter.Name}' is null.");
        var marshaller = ArgumentMarshaller.For(type);
        bool ok = marshaller != null ? marshaller.Accepts(argument) : argument.GetType() == type;
        if (!ok)
            throw new ArgumentException(
                $"kernel {kernel}: parameter '{parameter.Name}' is {type.Name} but the argument is {argument.GetType().Name}" +
                (marshaller != null ? $" (pass a {type.Name} or a device array of the same element type)." : "."), parameter.Name);
    }
}
