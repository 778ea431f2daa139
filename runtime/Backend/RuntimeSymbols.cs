// The runtime functions compiled code calls by name (docs/abi.md), and their managed implementations.
using NumbaWeaver.Dispatch;

namespace NumbaWeaver.Backend;

/// <summary>Names compiled code declares as external functions; NativeJit defines them at start-up.</summary>
internal static unsafe class RuntimeSymbols
{
    /// <summary><c>void numbaweaver_raise(ptr descriptor, ptr values, i32 count)</c>: see <see cref="RaisedExceptions.Raise"/>.</summary>
    public const string Raise = "numbaweaver_raise";

    /// <summary><c>ptr numbaweaver_static_array(ptr name, ptr lengths)</c>: see <see cref="StaticArrays.Resolve"/>.</summary>
    public const string StaticArray = "numbaweaver_static_array";

    /// <summary><c>ptr numbaweaver_random_state()</c>: see <see cref="Randomness.RandomStreams.StateForNativeCode"/>.</summary>
    public const string RandomState = "numbaweaver_random_state";

    public static (string Name, nint Address)[] All { get; } = new (string, nint)[]
    {
        (Raise, (nint)(delegate* unmanaged<byte*, long*, int, void>)&RaisedExceptions.Raise),
        (StaticArray, (nint)(delegate* unmanaged<byte*, long*, byte*>)&StaticArrays.Resolve),
        (RandomState, (nint)(delegate* unmanaged<ulong*>)&Randomness.RandomStreams.StateForNativeCode),
    };
}
