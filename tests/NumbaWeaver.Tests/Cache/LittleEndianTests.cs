// The hit path's hand-written little-endian reads and writes agree with BinaryPrimitives and reject out-of-range fields.
using System;
using System.Buffers.Binary;
using System.IO;
using NumbaWeaver.Cache;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Cache;

public unsafe class LittleEndianTests
{
    [Fact]
    public void Reads_agree_with_BinaryPrimitives()
    {
        var bytes = new byte[16];
        new Random(3).NextBytes(bytes);
        for (int at = 0; at + 8 <= bytes.Length; at++)
        {
            LittleEndian.ReadUInt16(bytes, at).ShouldBe(BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at)));
            LittleEndian.ReadUInt32(bytes, at).ShouldBe(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at)));
            LittleEndian.ReadInt32(bytes, at).ShouldBe(BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at)));
            LittleEndian.ReadUInt64(bytes, at).ShouldBe(BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(at)));
        }
    }

    [Fact]
    public void Writes_agree_with_BinaryPrimitives()
    {
        var ours = new byte[12];
        var theirs = new byte[12];
        LittleEndian.Write(ours, 1, unchecked((ulong)-5L), 8);
        BinaryPrimitives.WriteInt64LittleEndian(theirs.AsSpan(1), -5L);
        LittleEndian.Write(ours, 9, 0xDEADBEEF, 2); // the low bytes only
        BinaryPrimitives.WriteUInt16LittleEndian(theirs.AsSpan(9), 0xBEEF);
        ours.ShouldBe(theirs);

        fixed (byte* p = ours)
        {
            LittleEndian.Write(p + 4, unchecked((ulong)(long)int.MinValue), 4); // a negative 32-bit relocation value
        }
        BinaryPrimitives.ReadInt32LittleEndian(ours.AsSpan(4)).ShouldBe(int.MinValue);
    }

    [Fact]
    public void Fields_outside_the_buffer_are_malformed_data()
    {
        var bytes = new byte[8];
        Should.Throw<InvalidDataException>(() => LittleEndian.ReadUInt64(bytes, 1));
        Should.Throw<InvalidDataException>(() => LittleEndian.ReadUInt32(bytes, -1));
        Should.Throw<InvalidDataException>(() => LittleEndian.ReadUInt16(bytes, int.MaxValue));
        Should.Throw<InvalidDataException>(() => LittleEndian.Write(bytes, 5, 0, 4));
    }
}
