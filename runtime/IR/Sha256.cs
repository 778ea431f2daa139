// SHA-256 (FIPS 180-4) in plain managed code, shared by the weaver (netstandard2.0) and the runtime.
using System;
using System.Text;

namespace NumbaWeaver.IR;

/// <summary>
/// Cache keys, IR fingerprints and entry checksums hash with this instead of System.Security.Cryptography:
/// on Linux the latter loads and initialises OpenSSL (10-20 ms) on first use, which alone would exceed the
/// first-call budget of a cached or precompiled method. Inputs are small (IR text, object files of a few KB).
/// </summary>
public static class Sha256
{
    private static readonly uint[] RoundConstants =
    {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    };

    /// <summary>The 32-byte digest of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
    public static byte[] Hash(byte[] data, int offset, int count)
    {
        if (data == null) throw new ArgumentNullException(nameof(data));
        if (offset < 0 || count < 0 || offset > data.Length - count) throw new ArgumentOutOfRangeException(nameof(count));
        uint[] state = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
        var schedule = new uint[64];
        int whole = count / 64;
        for (int block = 0; block < whole; block++) Compress(state, schedule, data, offset + block * 64);

        // The tail, the 0x80 marker and the bit length, in one or two final blocks.
        int rest = count - whole * 64;
        var tail = new byte[rest < 56 ? 64 : 128];
        Buffer.BlockCopy(data, offset + whole * 64, tail, 0, rest);
        tail[rest] = 0x80;
        ulong bits = (ulong)count * 8;
        for (int i = 0; i < 8; i++) tail[tail.Length - 1 - i] = (byte)(bits >> (8 * i));
        for (int at = 0; at < tail.Length; at += 64) Compress(state, schedule, tail, at);

        var digest = new byte[32];
        for (int i = 0; i < 8; i++)
        {
            digest[4 * i] = (byte)(state[i] >> 24);
            digest[4 * i + 1] = (byte)(state[i] >> 16);
            digest[4 * i + 2] = (byte)(state[i] >> 8);
            digest[4 * i + 3] = (byte)state[i];
        }
        return digest;
    }

    public static byte[] Hash(byte[] data) => Hash(data, 0, data.Length);

    /// <summary>The digest of <paramref name="text"/>'s UTF-8 bytes as 64 lowercase hex digits.</summary>
    public static string HexOf(string text) => ToHex(Hash(InvariantText.ToUtf8(text)));

    public static string ToHex(byte[] bytes) => InvariantText.Hex(bytes);

    /// <summary>The bytes of an even-length hex string (either case); throws <see cref="FormatException"/> otherwise.</summary>
    public static byte[] FromHex(string hex)
    {
        if (hex == null) throw new ArgumentNullException(nameof(hex));
        if (hex.Length % 2 != 0) throw new FormatException("odd number of hex digits");
        var bytes = new byte[hex.Length / 2];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)(Nibble(hex[2 * i]) << 4 | Nibble(hex[2 * i + 1]));
        return bytes;
    }

    private static int Nibble(char c) =>
        InvariantText.HexDigit(c) is var digit and >= 0 ? digit : throw new FormatException($"'{c}' is not a hex digit");

    private static void Compress(uint[] state, uint[] w, byte[] data, int at)
    {
        for (int i = 0; i < 16; i++)
            w[i] = (uint)(data[at + 4 * i] << 24 | data[at + 4 * i + 1] << 16 | data[at + 4 * i + 2] << 8 | data[at + 4 * i + 3]);
        for (int i = 16; i < 64; i++)
        {
            uint s0 = Rotr(w[i - 15], 7) ^ Rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
            uint s1 = Rotr(w[i - 2], 17) ^ Rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
        for (int i = 0; i < 64; i++)
        {
            uint t1 = h + (Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25)) + ((e & f) ^ (~e & g)) + RoundConstants[i] + w[i];
            uint t2 = (Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
        }
        state[0] += a; state[1] += b; state[2] += c; state[3] += d;
        state[4] += e; state[5] += f; state[6] += g; state[7] += h;
    }

    private static uint Rotr(uint x, int n) => (x >> n) | (x << (32 - n));
}
