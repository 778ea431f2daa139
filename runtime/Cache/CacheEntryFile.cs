// The on-disk format of one cached or precompiled entry: header, key, symbol, object code, SHA-256 checksum.
using System.Buffers.Binary;
using System.IO;
using System.Text;
using System;
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
    private static readonly byte[] Magic = "NWCACHE1"u8.ToArray();
    private const int ChecksumSize = 32;

    /// <summary>A valid entry's contents.</summary>
    public sealed record Entry(string Symbol, string Description, byte[] ObjectCode);

    public static byte[] Serialize(string keyHex, Entry entry)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(Sha256.FromHex(keyHex));
            WriteString(writer, entry.Symbol);
            WriteString(writer, entry.Description);
            writer.Write((ulong)entry.ObjectCode.Length);
            writer.Write(entry.ObjectCode);
        }
        stream.Write(Sha256.Hash(stream.GetBuffer(), 0, (int)stream.Length));
        return stream.ToArray();
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
        string temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                // No fsync (milliseconds on a first call): after a crash the renamed file may be empty or partial,
                // and the checksum makes the next process reject and recompile it.
                file.Write(Serialize(keyHex, entry));
            }
            File.Move(temporary, path, overwrite: true); // rename(2): atomic within one file system
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
        int version = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at));
        if (version != FormatVersion) return $"entry format {version}, expected {FormatVersion}";
        var body = bytes.AsSpan(0, bytes.Length - ChecksumSize);
        if (!InvariantText.SameBytes(Sha256.Hash(bytes, 0, body.Length), 0, bytes, bytes.Length - ChecksumSize, ChecksumSize)) return "checksum mismatch (corrupted)";
        at += 4;
        if (!InvariantText.SameBytes(bytes, at, Sha256.FromHex(keyHex), 0, 32)) return "foreign entry (its key differs)";
        at += 32;
        if (!TryReadString(bytes, body.Length, ref at, out string? symbol) || !TryReadString(bytes, body.Length, ref at, out string? description)) return "bad string field";
        if (at + 8 > body.Length) return "truncated object length";
        ulong length = BinaryPrimitives.ReadUInt64LittleEndian(body[at..]);
        at += 8;
        if (length != (ulong)(body.Length - at)) return "object length does not match the file";
        entry = new Entry(symbol!, description!, body[at..].ToArray());
        return null;
    }

    private static void WriteString(BinaryWriter writer, string value)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(value);
        writer.Write(utf8.Length);
        writer.Write(utf8);
    }

    private static bool TryReadString(byte[] bytes, int bodyLength, ref int at, out string? value)
    {
        value = null;
        if (at + 4 > bodyLength) return false;
        int length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at));
        at += 4;
        if (length < 0 || length > bodyLength - at) return false;
        value = InvariantText.FromUtf8(bytes, at, length);
        at += length;
        return true;
    }
}
