// The runtime functions compiled code calls by name (docs/abi.md), and their managed implementations.
using System.Collections.Generic;
using NumbaWeaver.Dispatch;

namespace NumbaWeaver.Backend;

/// <summary>Names compiled code declares as external functions; NativeJit defines them at start-up.</summary>
internal static unsafe class RuntimeSymbols
{
    /// <summary><c>void numbaweaver_raise(ptr descriptor, ptr values, i32 count)</c>: see <see cref="RaisedExceptions.Raise"/>.</summary>
    public const string Raise = "numbaweaver_raise";

    public static IReadOnlyList<(string Name, nint Address)> All { get; } = new (string, nint)[]
    {
        (Raise, (nint)(delegate* unmanaged<byte*, long*, int, void>)&RaisedExceptions.Raise),
    };
}
