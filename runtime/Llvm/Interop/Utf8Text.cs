// C strings to and from LLVM: ASCII (nearly every name LLVM sees) by hand, anything else through the framework's UTF-8.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;
using System.Text;

namespace NumbaWeaver.Llvm.Interop;

/// <summary>
/// The string marshaller of every LLVM import, and the decoder of strings LLVM returns. The framework's UTF-8
/// encoder and decoder each cost about 2 ms on their first use in a process (measured), which a process's first
/// compile would pay; ASCII is copied byte for char here, and only other text goes through <see cref="Encoding.UTF8"/>,
/// so results are the same as the framework's.
/// </summary>
[CustomMarshaller(typeof(string), MarshalMode.ManagedToUnmanagedIn, typeof(ManagedToUnmanagedIn))]
internal static unsafe class Utf8Text
{
    /// <summary>Marshals a string argument as a NUL-terminated UTF-8 copy: on the caller's stack when it fits.</summary>
    public ref struct ManagedToUnmanagedIn
    {
        private byte* native;
        private bool allocated;

        /// <summary>Stack bytes the generated code provides (IR value and block names are short).</summary>
        public static int BufferSize => 256;

        public void FromManaged(string? managed, Span<byte> buffer)
        {
            allocated = false;
            if (managed is null)
            {
                native = null;
                return;
            }

            int count = ByteCount(managed);
            if (count + 1 <= buffer.Length)
            {
                native = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(buffer)); // stack memory: already fixed
            }
            else
            {
                native = (byte*)NativeMemory.Alloc((nuint)count + 1);
                allocated = true;
            }

            Write(managed, native, count);
            native[count] = 0;
        }

        public readonly byte* ToUnmanaged() => native;

        public readonly void Free()
        {
            if (allocated) NativeMemory.Free(native);
        }
    }

    /// <summary>The UTF-8 length of <paramref name="text"/> in bytes.</summary>
    public static int ByteCount(string text)
    {
        foreach (char c in text)
            if (c >= 0x80) return Encoding.UTF8.GetByteCount(text);
        return text.Length;
    }

    /// <summary>A copy of the NUL-terminated UTF-8 string at <paramref name="text"/> (empty for null).</summary>
    public static string FromNative(byte* text)
    {
        if (text == null) return string.Empty;
        int length = 0;
        while (text[length] != 0) length++;
        return FromNative(text, length);
    }

    /// <summary>A copy of <paramref name="length"/> bytes of UTF-8 at <paramref name="text"/>.</summary>
    public static string FromNative(byte* text, int length)
    {
        for (int i = 0; i < length; i++)
            if (text[i] >= 0x80) return Encoding.UTF8.GetString(text, length);
        var chars = new char[length];
        for (int i = 0; i < length; i++) chars[i] = (char)text[i];
        return new string(chars);
    }

    /// <summary>Writes the <paramref name="count"/> UTF-8 bytes of <paramref name="text"/> (from <see cref="ByteCount"/>).</summary>
    private static void Write(string text, byte* destination, int count)
    {
        if (count == text.Length)
        {
            for (int i = 0; i < count; i++) destination[i] = (byte)text[i];
            return;
        }

        Encoding.UTF8.GetBytes(text, new Span<byte>(destination, count));
    }
}
