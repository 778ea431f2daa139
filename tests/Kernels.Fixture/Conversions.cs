// Conversions between every numeric type: truncation, sign/zero extension, saturating float->int (.NET 10), checked casts.
using NumbaWeaver;

namespace Kernels.Fixture;

public static class Conversions
{
    [Njit] public static sbyte LongToSByte(long x) => (sbyte)x;
    [Njit] public static byte LongToByte(long x) => (byte)x;
    [Njit] public static short LongToShort(long x) => (short)x;
    [Njit] public static ushort LongToUShort(long x) => (ushort)x;
    [Njit] public static char LongToChar(long x) => (char)x;
    [Njit] public static int LongToInt(long x) => (int)x;
    [Njit] public static uint LongToUInt(long x) => (uint)x;
    [Njit] public static ulong IntToULong(int x) => (ulong)x;
    [Njit] public static long UIntToLong(uint x) => x;
    [Njit] public static long IntToLong(int x) => x;
    [Njit] public static ulong UIntToULong(uint x) => x;

    [Njit] public static double LongToDouble(long x) => x;
    [Njit] public static double ULongToDouble(ulong x) => x;
    [Njit] public static float ULongToFloat(ulong x) => x;
    [Njit] public static float LongToFloat(long x) => x;
    [Njit] public static double UIntToDouble(uint x) => x;
    [Njit] public static float IntToFloat(int x) => x;
    [Njit] public static double ByteToDouble(byte x) => x;
    [Njit] public static float SByteToFloat(sbyte x) => x;
    [Njit] public static double CharToDouble(char x) => x;

    [Njit] public static int DoubleToInt(double x) => (int)x;
    [Njit] public static uint DoubleToUInt(double x) => (uint)x;
    [Njit] public static long DoubleToLong(double x) => (long)x;
    [Njit] public static ulong DoubleToULong(double x) => (ulong)x;
    [Njit] public static sbyte DoubleToSByte(double x) => (sbyte)x;
    [Njit] public static byte DoubleToByte(double x) => (byte)x;
    [Njit] public static short DoubleToShort(double x) => (short)x;
    [Njit] public static ushort DoubleToUShort(double x) => (ushort)x;
    [Njit] public static char DoubleToChar(double x) => (char)x;
    [Njit] public static int FloatToInt(float x) => (int)x;
    [Njit] public static uint FloatToUInt(float x) => (uint)x;
    [Njit] public static long FloatToLong(float x) => (long)x;
    [Njit] public static ulong FloatToULong(float x) => (ulong)x;
    [Njit] public static byte FloatToByte(float x) => (byte)x;
    [Njit] public static float DoubleToFloat(double x) => (float)x;
    [Njit] public static double FloatToDouble(float x) => x;

    [Njit] public static int CheckedDoubleToInt(double x) => checked((int)x);
    [Njit] public static uint CheckedDoubleToUInt(double x) => checked((uint)x);
    [Njit] public static long CheckedDoubleToLong(double x) => checked((long)x);
    [Njit] public static ulong CheckedDoubleToULong(double x) => checked((ulong)x);
    [Njit] public static byte CheckedFloatToByte(float x) => checked((byte)x);
    [Njit] public static sbyte CheckedLongToSByte(long x) => checked((sbyte)x);
    [Njit] public static byte CheckedIntToByte(int x) => checked((byte)x);
    [Njit] public static ushort CheckedIntToUShort(int x) => checked((ushort)x);
    [Njit] public static int CheckedUIntToInt(uint x) => checked((int)x);
    [Njit] public static uint CheckedIntToUInt(int x) => checked((uint)x);
    [Njit] public static long CheckedULongToLong(ulong x) => checked((long)x);
    [Njit] public static ulong CheckedLongToULong(long x) => checked((ulong)x);
    [Njit] public static int CheckedULongToInt(ulong x) => checked((int)x);
    [Njit] public static char CheckedIntToChar(int x) => checked((char)x);
}
