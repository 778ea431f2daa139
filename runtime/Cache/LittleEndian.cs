// Little-endian integers in byte arrays and native memory, by hand, for the cache's entry format and the ELF loader.
using System.IO;

namespace NumbaWeaver.Cache;

/// <summary>
/// What <c>BinaryPrimitives</c> does for the hit path, without it: that type lives behind the System.Memory facade,
/// whose load on a process's first call measured about 0.5 ms. Reads check their range and report a malformed file
/// as <see cref="InvalidDataException"/>, the exception the loader's callers turn into "recompile".
/// </summary>
internal static unsafe class LittleEndian
{
    public static ushort ReadUInt16(byte[] bytes, int offset) => (ushort)Read(bytes, offset, 2);

    public static uint ReadUInt32(byte[] bytes, int offset) => (uint)Read(bytes, offset, 4);

    public static int ReadInt32(byte[] bytes, int offset) => (int)Read(bytes, offset, 4);

    public static ulong ReadUInt64(byte[] bytes, int offset) => Read(bytes, offset, 8);

    /// <summary>Writes the low <paramref name="width"/> bytes of <paramref name="value"/> at <paramref name="offset"/>.</summary>
    public static void Write(byte[] bytes, int offset, ulong value, int width)
    {
        if (offset < 0 || offset > bytes.Length - width) throw new InvalidDataException("write outside the buffer");
        fixed (byte* start = bytes) Write(start + offset, value, width);
    }

    /// <summary>Writes the low <paramref name="width"/> bytes of <paramref name="value"/> to native memory the caller owns.</summary>
    public static void Write(byte* destination, ulong value, int width)
    {
        for (int i = 0; i < width; i++) destination[i] = (byte)(value >> (8 * i));
    }

    private static ulong Read(byte[] bytes, int offset, int width)
    {
        if (offset < 0 || offset > bytes.Length - width) throw new InvalidDataException("malformed file: a field lies outside it");
        ulong value = 0;
        for (int i = width - 1; i >= 0; i--) value = value << 8 | bytes[offset + i];
        return value;
    }
}
