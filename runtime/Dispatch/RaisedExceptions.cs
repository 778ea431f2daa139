// Builds the exception a `throw` in compiled code raised and keeps it for the thread's stub to throw.
using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using NumbaWeaver.IR;

namespace NumbaWeaver.Dispatch;

/// <summary>
/// Native code calls <see cref="Raise"/> (symbol <c>numbaweaver_raise</c>, docs/abi.md) and then
/// returns <see cref="Status.Raised"/>; the stub on the same thread receives it and throws
/// <see cref="TakePending"/>. The exception is made here, in managed code, so its type and message
/// (interpolated numbers included, with the current culture) are exactly what the C# would throw.
/// </summary>
public static unsafe class RaisedExceptions
{
    [ThreadStatic]
    private static Exception? pending;

    /// <summary>The exception raised on this thread since the last call (cleared), or a diagnostic one.</summary>
    public static Exception TakePending()
    {
        var ex = pending;
        pending = null;
        return ex ?? new InvalidOperationException("NumbaWeaver: compiled code reported a raised exception, but none was recorded on this thread");
    }

    /// <summary>
    /// Code that runs compiled functions on other threads (parallel loops) moves a raised exception
    /// to the calling thread with this before returning <see cref="Status.Raised"/> there.
    /// </summary>
    public static void SetPending(Exception exception) => pending = exception;

    [UnmanagedCallersOnly]
    internal static void Raise(byte* descriptor, long* values, int count)
    {
        try
        {
            var text = Marshal.PtrToStringUTF8((nint)descriptor) ?? "";
            var d = ThrowDescriptor.Decode(text);
            var boxed = new object[count];
            for (int i = 0; i < count && i < d.HoleTypes.Count; i++) boxed[i] = Box(d.HoleTypes[i], values + i);
            pending = Create(d, boxed);
        }
        catch (Exception ex)
        {
            // Never let an exception cross into native frames: report it through the stub instead.
            pending = new InvalidOperationException("NumbaWeaver: could not build the exception raised by compiled code", ex);
        }
    }

    /// <summary>The exception the descriptor names, each constructor argument formatted from its template.</summary>
    public static Exception Create(ThrowDescriptor d, object[] values)
    {
        if (LibraryExceptions.IsLibraryCall(d.ExceptionType)) return LibraryExceptions.Create(d.ExceptionType, values);
        var type = ThrowableType(d.ExceptionType);
        var parameterTypes = new Type[d.Arguments.Count];
        Array.Fill(parameterTypes, typeof(string));
        var ctor = type.GetConstructor(parameterTypes)
                   ?? throw new MissingMethodException(type.FullName, $".ctor with {parameterTypes.Length} string parameters");
        var args = new object?[d.Arguments.Count];
        for (int i = 0; i < args.Length; i++) args[i] = string.Format(CultureInfo.CurrentCulture, d.Arguments[i], values);
        try
        {
            return (Exception)ctor.Invoke(args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException != null)
        {
            throw ex.InnerException;
        }
    }

    /// <summary>
    /// The exception types the weaver lets compiled code throw (weaver/Frontend/MethodTranslator.Exceptions.cs), named
    /// here rather than looked up by name, so that a trimmed or NativeAOT app keeps their constructors.
    /// </summary>
    [return: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
    private static Type ThrowableType(string fullName) => fullName switch
    {
        "System.Exception" => typeof(Exception),
        "System.ArgumentException" => typeof(ArgumentException),
        "System.ArgumentOutOfRangeException" => typeof(ArgumentOutOfRangeException),
        "System.ArgumentNullException" => typeof(ArgumentNullException),
        "System.InvalidOperationException" => typeof(InvalidOperationException),
        "System.NotSupportedException" => typeof(NotSupportedException),
        "System.NotImplementedException" => typeof(NotImplementedException),
        "System.IndexOutOfRangeException" => typeof(IndexOutOfRangeException),
        "System.ArithmeticException" => typeof(ArithmeticException),
        "System.DivideByZeroException" => typeof(DivideByZeroException),
        "System.OverflowException" => typeof(OverflowException),
        "System.FormatException" => typeof(FormatException),
        "System.InvalidCastException" => typeof(InvalidCastException),
        "System.Collections.Generic.KeyNotFoundException" => typeof(System.Collections.Generic.KeyNotFoundException),
        _ => throw new InvalidOperationException($"NumbaWeaver: {fullName} is not an exception type compiled code may throw"),
    };

    /// <summary>A value from its 8-byte slot: stored in its stack type (i32, i64, f32, f64) at the slot's start.</summary>
    private static object Box(IrType type, long* slot) => type.Kind switch
    {
        TypeKind.Bool => *(int*)slot != 0,
        TypeKind.I8 => (sbyte)*(int*)slot,
        TypeKind.U8 => (byte)*(int*)slot,
        TypeKind.I16 => (short)*(int*)slot,
        TypeKind.U16 => (ushort)*(int*)slot,
        TypeKind.Char => (char)*(int*)slot,
        TypeKind.I32 => *(int*)slot,
        TypeKind.U32 => (uint)*(int*)slot,
        TypeKind.I64 => *slot,
        TypeKind.U64 => (ulong)*slot,
        TypeKind.F32 => *(float*)slot,
        TypeKind.F64 => *(double*)slot,
        _ => throw new NotSupportedException($"raised value of type {type}"),
    };
}
