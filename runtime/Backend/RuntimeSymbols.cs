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

    /// <summary><c>ptr numbaweaver_new_array(i32 elementKind, i32 rank, ptr lengths)</c>: see <see cref="Allocations.NewArray"/>.</summary>
    public const string NewArray = "numbaweaver_new_array";

    /// <summary><c>void numbaweaver_copy_too_short()</c>: see <see cref="Allocations.CopyTooShort"/>.</summary>
    public const string CopyTooShort = "numbaweaver_copy_too_short";

    private static readonly string[] Names = [Raise, StaticArray, RandomState, NewArray, CopyTooShort];

    /// <summary>
    /// The address of the runtime function <paramref name="name"/>, or 0. Only that one is materialised: each is a
    /// reverse P/Invoke entry the runtime builds on first use, and loading a cached kernel usually needs one or none.
    /// </summary>
    public static nint Find(string name) => name switch
    {
        Raise => (nint)(delegate* unmanaged<byte*, long*, int, void>)&RaisedExceptions.Raise,
        StaticArray => (nint)(delegate* unmanaged<byte*, long*, byte*>)&StaticArrays.Resolve,
        RandomState => (nint)(delegate* unmanaged<ulong*>)&Randomness.RandomStreams.StateForNativeCode,
        NewArray => (nint)(delegate* unmanaged<int, int, long*, byte*>)&Allocations.NewArray,
        CopyTooShort => (nint)(delegate* unmanaged<void>)&Allocations.CopyTooShort,
        _ => 0,
    };

    /// <summary>Every runtime function with its address (NativeJit defines them all at start-up).</summary>
    public static (string Name, nint Address)[] All()
    {
        var all = new (string Name, nint Address)[Names.Length];
        for (int i = 0; i < Names.Length; i++) all[i] = (Names[i], Find(Names[i]));
        return all;
    }
}
