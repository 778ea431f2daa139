// The on-disk format of one cached or precompiled entry: header, key, symbol, object code, SHA-256 checksum.
using System.IO;
using System;
using System.Threading;
using NumbaWeaver.IR;

namespace NumbaWeaver.Cache;

/// <summary>
/// Layout (little-endian): magic "NWCACHE1", u32 format version, 32-byte key, u32 + UTF-8 symbol, u32 + UTF-8
/// description (function, compiler, target: for humans), u64 + object code, then SHA-256 of all preceding bytes.
/// <see cref="TryParse"/> accepts a file only if every part checks out, including that it carries the expected
/// key (a file renamed or copied from elsewhere is "foreign"); <see cref="WriteAtomically"/> writes a
/// temporary file in the same folder and renames it over the final name, so readers see old or new, never half.
/// </summary>
public static class CacheEntryFile
{
    public const string Extension = ".nwc";
    public const int FormatVersion = 1;
    // Bytes written out, not "NWCACHE1"u8.ToArray(): Span<T>.ToArray's first use in a process costs 0.8 ms (measured).
    private static readonly byte[] Magic = [(byte)'N', (byte)'W', (byte)'C', (byte)'A', (byte)'C', (byte)'H', (byte)'E', (byte)'1'];
    private const int ChecksumSize = 32;
    private static long temporaryCount;

    /// <summary>A valid entry's contents.</summary>
    public sealed record Entry(string Symbol, string Description, byte[] ObjectCode);

    public static byte[] Serialize(string keyHex, Entry entry)
    {
        // Laid out by hand: BinaryWriter and Encoding.UTF8 would cost their framework start-up on a process's first store.
        byte[] symbol = InvariantText.ToUtf8(entry.Symbol);
        byte[] description = InvariantText.ToUtf8(entry.Description);
        int bodyLength = Magic.Length + 4 + 32 + 4 + symbol.Length + 4 + description.Length + 8 + entry.ObjectCode.Length;
        var bytes = new byte[bodyLength + ChecksumSize];
        int at = 0;
        Put(bytes, ref at, Magic);
        LittleEndian.Write(bytes, at, FormatVersion, 4);
        at += 4;
        Put(bytes, ref at, Sha256.FromHex(keyHex));
        PutString(bytes, ref at, symbol);
        PutString(bytes, ref at, description);
        LittleEndian.Write(bytes, at, (ulong)entry.ObjectCode.Length, 8);
        at += 8;
        Put(bytes, ref at, entry.ObjectCode);
        Put(bytes, ref at, Sha256.Hash(bytes, 0, bodyLength));
        return bytes;
    }

    /// <summary>Parses and validates; null with the <paramref name="problem"/> when the bytes are not a valid entry for the key.</summary>
    public static Entry? TryParse(byte[] bytes, string keyHex, out string? problem)
    {
        problem = Validate(bytes, keyHex, out var entry);
        return entry;
    }

    /// <summary>Writes the entry under <paramref name="path"/> atomically (temporary file + rename).</summary>
    public static void WriteAtomically(string path, string keyHex, Entry entry)
    {
        // Unique per process (id) and per write (counter); O_EXCL/CreateNew refuses a name that exists anyway.
        // (Two concatenations: string.Concat of more than four pieces builds an inline array type at run time.)
        string unique = InvariantText.Hex((ulong)Environment.ProcessId, 8) + "." + InvariantText.Hex((ulong)Interlocked.Increment(ref temporaryCount), 8);
        string temporary = path + "." + unique + ".tmp";
        byte[] contents = Serialize(keyHex, entry);
        // No fsync (milliseconds on a first call): after a crash the renamed file may be empty or partial,
        // and the checksum makes the next process reject and recompile it.
        if (NativeFiles.Available)
        {
            try
            {
                NativeFiles.WriteNew(temporary, contents);
                NativeFiles.Rename(temporary, path); // rename(2): atomic within one file system
            }
            catch
            {
                NativeFiles.TryDelete(temporary);
                throw;
            }
            return;
        }

        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                file.Write(contents);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static string? Validate(byte[] bytes, string keyHex, out Entry? entry)
    {
        entry = null;
        int minimum = Magic.Length + 4 + 32 + 4 + 4 + 8 + ChecksumSize;
        if (bytes.Length < minimum) return $"truncated ({bytes.Length} bytes)";
        if (!InvariantText.SameBytes(bytes, 0, Magic, 0, Magic.Length)) return "not a NumbaWeaver cache entry (bad magic)";
        int at = Magic.Length;
        int version = LittleEndian.ReadInt32(bytes, at);
        if (version != FormatVersion) return $"entry format {version}, expected {FormatVersion}";
        int bodyLength = bytes.Length - ChecksumSize; // (no span: MemoryExtensions lives behind the System.Memory facade)
        if (!InvariantText.SameBytes(Sha256.Hash(bytes, 0, bodyLength), 0, bytes, bytes.Length - ChecksumSize, ChecksumSize)) return "checksum mismatch (corrupted)";
        at += 4;
        if (!InvariantText.SameBytes(bytes, at, Sha256.FromHex(keyHex), 0, 32)) return "foreign entry (its key differs)";
        at += 32;
        if (!TryReadString(bytes, bodyLength, ref at, out string? symbol) || !TryReadString(bytes, bodyLength, ref at, out string? description)) return "bad string field";
        if (at + 8 > bodyLength) return "truncated object length";
        ulong length = LittleEndian.ReadUInt64(bytes, at);
        at += 8;
        if (length != (ulong)(bodyLength - at)) return "object length does not match the file";
        var objectCode = new byte[bodyLength - at];
        Buffer.BlockCopy(bytes, at, objectCode, 0, objectCode.Length);
        entry = new Entry(symbol!, description!, objectCode);
        return null;
    }

    private static void Put(byte[] bytes, ref int at, byte[] value)
    {
        Buffer.BlockCopy(value, 0, bytes, at, value.Length);
        at += value.Length;
    }

    private static void PutString(byte[] bytes, ref int at, byte[] utf8)
    {
        LittleEndian.Write(bytes, at, (ulong)utf8.Length, 4);
        at += 4;
        Put(bytes, ref at, utf8);
    }

    private static bool TryReadString(byte[] bytes, int bodyLength, ref int at, out string? value)
    {
        value = null;
        if (at + 4 > bodyLength) return false;
        int length = LittleEndian.ReadInt32(bytes, at);
        at += 4;
        if (length < 0 || length > bodyLength - at) return false;
        value = InvariantText.FromUtf8(bytes, at, length);
        at += length;
        return true;
    }
}
