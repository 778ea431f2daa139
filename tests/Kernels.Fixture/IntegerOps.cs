// Integer kernels of every width: wrapping and checked arithmetic, division, bitwise operators and shifts.
using NumbaWeaver;

namespace Kernels.Fixture;

public static class IntegerOps
{
    [Njit] public static int AddI(int a, int b) => a + b;
    [Njit] public static int SubI(int a, int b) => a - b;
    [Njit] public static int MulI(int a, int b) => a * b;
    [Njit] public static int DivI(int a, int b) => a / b;
    [Njit] public static int RemI(int a, int b) => a % b;
    [Njit] public static int NegI(int a) => -a;
    [Njit] public static int NotI(int a) => ~a;
    [Njit] public static int AndOrXorI(int a, int b) => (a & b) ^ (a | ~b);
    [Njit] public static int ShlI(int a, int n) => a << n;
    [Njit] public static int ShrI(int a, int n) => a >> n;
    [Njit] public static int UshrI(int a, int n) => a >>> n;
    [Njit] public static int CheckedAddI(int a, int b) => checked(a + b);
    [Njit] public static int CheckedSubI(int a, int b) => checked(a - b);
    [Njit] public static int CheckedMulI(int a, int b) => checked(a * b);
    [Njit] public static int CheckedNegI(int a) => checked(-a);

    [Njit] public static long AddL(long a, long b) => a + b;
    [Njit] public static long MulL(long a, long b) => a * b;
    [Njit] public static long DivL(long a, long b) => a / b;
    [Njit] public static long RemL(long a, long b) => a % b;
    [Njit] public static long ShlL(long a, int n) => a << n;
    [Njit] public static long ShrL(long a, int n) => a >> n;
    [Njit] public static long UshrL(long a, int n) => a >>> n;
    [Njit] public static long CheckedAddL(long a, long b) => checked(a + b);
    [Njit] public static long CheckedMulL(long a, long b) => checked(a * b);

    [Njit] public static uint AddU(uint a, uint b) => a + b;
    [Njit] public static uint DivU(uint a, uint b) => a / b;
    [Njit] public static uint RemU(uint a, uint b) => a % b;
    [Njit] public static uint ShrU(uint a, int n) => a >> n;
    [Njit] public static uint CheckedSubU(uint a, uint b) => checked(a - b);
    [Njit] public static uint CheckedMulU(uint a, uint b) => checked(a * b);
    [Njit] public static bool LessU(uint a, uint b) => a < b;

    [Njit] public static ulong DivUL(ulong a, ulong b) => a / b;
    [Njit] public static ulong RemUL(ulong a, ulong b) => a % b;
    [Njit] public static ulong ShrUL(ulong a, int n) => a >> n;
    [Njit] public static ulong CheckedAddUL(ulong a, ulong b) => checked(a + b);
    [Njit] public static ulong CheckedMulUL(ulong a, ulong b) => checked(a * b);
    [Njit] public static bool GreaterEqualUL(ulong a, ulong b) => a >= b;

    [Njit] public static sbyte AddSB(sbyte a, sbyte b) => (sbyte)(a + b);
    [Njit] public static int WidenSB(sbyte a, sbyte b) => a * b;
    [Njit] public static sbyte CheckedAddSB(sbyte a, sbyte b) => checked((sbyte)(a + b));
    [Njit] public static sbyte DivSB(sbyte a, sbyte b) => (sbyte)(a / b);
    [Njit] public static sbyte ShrSB(sbyte a, int n) => (sbyte)(a >> n);

    [Njit] public static byte AddB(byte a, byte b) => (byte)(a + b);
    [Njit] public static int MulB(byte a, byte b) => a * b;
    [Njit] public static byte NotB(byte a) => (byte)~a;
    [Njit] public static byte CheckedSubB(byte a, byte b) => checked((byte)(a - b));

    [Njit] public static short AddS(short a, short b) => (short)(a + b);
    [Njit] public static short NegS(short a) => (short)-a;
    [Njit] public static short ShlS(short a, int n) => (short)(a << n);
    [Njit] public static short CheckedMulS(short a, short b) => checked((short)(a * b));

    [Njit] public static ushort AddUS(ushort a, ushort b) => (ushort)(a + b);
    [Njit] public static ushort ShrUS(ushort a, int n) => (ushort)(a >> n);
    [Njit] public static int DivUS(ushort a, ushort b) => a / b;

    [Njit] public static char NextChar(char c, int k) => (char)(c + k);
    [Njit] public static int CharCode(char c) => c;
    [Njit] public static bool IsDigit(char c) => c >= '0' && c <= '9';

    [Njit] public static bool And(bool a, bool b) => a & b;
    [Njit] public static bool Xor(bool a, bool b) => a ^ b;
    [Njit] public static bool Not(bool a) => !a;
    [Njit] public static int BoolToInt(bool a) => a ? 1 : 0;
    [Njit] public static bool Eq(int a, int b) => a == b;

    [Njit] public static int CompareAll(long a, long b)
    {
        int r = 0;
        if (a < b) r |= 1;
        if (a <= b) r |= 2;
        if (a > b) r |= 4;
        if (a >= b) r |= 8;
        if (a == b) r |= 16;
        if (a != b) r |= 32;
        return r;
    }

    [Njit] public static int Compound(int a, int b)
    {
        int x = a;
        x += b; x *= 3; x -= a; x ^= b; x <<= 2; x >>= 1; x |= 5; x &= ~b;
        x++; x--;
        return x;
    }

    [Njit] public static long MixedWidths(sbyte a, short b, int c, long d, byte e, ushort f, uint g) =>
        a + b * c - d + e * f + g;

    [Njit] public static ulong MixedUnsigned(uint a, ulong b, ushort c, byte d) => a * b + c - d;

    [Njit] public static int PopCountLoop(uint x)
    {
        int n = 0;
        while (x != 0) { n += (int)(x & 1); x >>= 1; }
        return n;
    }
}
