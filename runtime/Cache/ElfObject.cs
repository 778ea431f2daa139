// Reads the parts of an ELF64 x86-64 relocatable object the loader needs: sections, symbols, relocations.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using NumbaWeaver.IR;

namespace NumbaWeaver.Cache;

/// <summary>
/// A bounds-checked view of an ELF64 little-endian x86-64 relocatable object (what LLVM emits for the host).
/// Every offset is validated, so a corrupted file throws <see cref="InvalidDataException"/> instead of reading
/// outside the buffer.
/// </summary>
internal sealed class ElfObject
{
    public const uint SectionProgBits = 1, SectionSymbolTable = 2, SectionRela = 4, SectionNoBits = 8, SectionRel = 9;
    public const ulong FlagWrite = 1, FlagAlloc = 2, FlagExec = 4;
    public const ushort SymbolUndefined = 0, SymbolAbsolute = 0xfff1, SymbolCommon = 0xfff2;

    private const int HeaderSize = 64, SectionHeaderSize = 64, SymbolSize = 24, RelaSize = 24;
    private const ushort MachineX86_64 = 62, TypeRelocatable = 1;

    public ElfObject(byte[] bytes)
    {
        Bytes = bytes;
        Require(bytes.Length >= HeaderSize && bytes[0] == 0x7f && bytes[1] == (byte)'E' && bytes[2] == (byte)'L' && bytes[3] == (byte)'F',
            "not an ELF file");
        Require(bytes[4] == 2 && bytes[5] == 1, "not a 64-bit little-endian ELF file");
        Require(U16(16) == TypeRelocatable && U16(18) == MachineX86_64, "not an x86-64 relocatable object");
        ulong sectionOffset = U64(0x28);
        int count = U16(0x3C);
        int names = U16(0x3E);
        Require(U16(0x3A) == SectionHeaderSize && count > 0 && names < count, "bad section header table");
        CheckRange(sectionOffset, (ulong)count * SectionHeaderSize);
        Sections = new Section[count];
        for (int i = 0; i < count; i++) Sections[i] = ReadSection((int)sectionOffset + i * SectionHeaderSize);
        foreach (var s in Sections) s.Name = String(Sections[names], s.NameOffset);
    }

    public byte[] Bytes { get; }

    // Arrays and loops, not List<T> and lambdas: each List and Predicate instantiation over our records is a set of
    // types the runtime builds on a process's first load (together 0.2-0.3 ms, measured).
    public Section[] Sections { get; }

    /// <summary>The symbols of the (single) symbol table.</summary>
    public Symbol[] Symbols()
    {
        Section? table = null;
        foreach (var section in Sections)
        {
            if (section.Type != SectionSymbolTable) continue;
            table = section;
            break;
        }
        Require(table is not null, "ELF object has no symbol table");
        Require(table!.Link < Sections.Length, "bad symbol string table index");
        var strings = Sections[(int)table.Link];
        var result = new Symbol[table.Size / SymbolSize];
        for (int i = 0; i < result.Length; i++)
        {
            int o = (int)(table.Offset + (ulong)i * SymbolSize);
            result[i] = new Symbol(String(strings, U32(o)), Bytes[o + 4], U16(o + 6), U64(o + 8));
        }
        return result;
    }

    /// <summary>How many relocations a SHT_RELA section holds.</summary>
    public int RelocationCount(Section rela) => (int)(rela.Size / RelaSize);

    /// <summary>
    /// Relocation <paramref name="index"/> of a SHT_RELA section (index below <see cref="RelocationCount"/>). An indexer,
    /// not an iterator: IEnumerable of our struct is a generic instantiation whose types the runtime builds on the first
    /// load of a process (0.2 ms, measured).
    /// </summary>
    public Relocation RelocationAt(Section rela, int index)
    {
        int o = (int)(rela.Offset + (ulong)index * RelaSize);
        ulong info = U64(o + 8);
        return new Relocation(U64(o), (int)(info >> 32), (uint)info, (long)U64(o + 16));
    }

    private Section ReadSection(int o)
    {
        var s = new Section(U32(o), U32(o + 4), U64(o + 8), U64(o + 24), U64(o + 32), U32(o + 40), U32(o + 44), Math.Max(1UL, U64(o + 48)));
        if (s.Type != SectionNoBits) CheckRange(s.Offset, s.Size);
        Require(s.Align <= 4096 && (s.Align & (s.Align - 1)) == 0, "bad section alignment");
        return s;
    }

    private string String(Section table, uint offset)
    {
        Require(offset < table.Size, "string offset outside its table");
        int start = (int)(table.Offset + offset);
        int limit = start + (int)(table.Size - offset), end = start;
        while (end < limit && Bytes[end] != 0) end++; // by hand: Array.IndexOf<byte> would load vector types on a first call
        Require(end < limit, "unterminated string");
        return InvariantText.FromUtf8(Bytes, start, end - start);
    }

    private void CheckRange(ulong offset, ulong size) =>
        Require(offset <= (ulong)Bytes.Length && size <= (ulong)Bytes.Length - offset, "section or table outside the file");

    private ushort U16(int o) => LittleEndian.ReadUInt16(Bytes, o);
    private uint U32(int o) => LittleEndian.ReadUInt32(Bytes, o);
    private ulong U64(int o) => LittleEndian.ReadUInt64(Bytes, o);

    public static void Require(bool condition, string problem)
    {
        if (!condition) throw new InvalidDataException("malformed object code: " + problem);
    }

    /// <summary>One section header.</summary>
    /// <remarks>Classes, not records, here and below: a record's IEquatable is one more type for a process's first hit to load.</remarks>
    internal sealed class Section(uint nameOffset, uint type, ulong flags, ulong offset, ulong size, uint link, uint info, ulong align)
    {
        public uint NameOffset { get; } = nameOffset;
        public uint Type { get; } = type;
        public ulong Flags { get; } = flags;
        public ulong Offset { get; } = offset;
        public ulong Size { get; } = size;
        public uint Link { get; } = link;
        public uint Info { get; } = info;
        public ulong Align { get; } = align;

        public string Name { get; set; } = "";
        public bool IsLoaded => (Flags & FlagAlloc) != 0 && Size > 0;
    }

    /// <summary>One symbol table entry (STT_* in the low nibble of <see cref="Info"/>).</summary>
    /// <remarks>A class, not a struct: lists of reference types run the framework's precompiled shared code, while a
    /// list of a struct of ours would be jitted on the first (latency-critical) load of a process.</remarks>
    internal sealed class Symbol(string name, byte info, ushort sectionIndex, ulong value)
    {
        public string Name { get; } = name;
        public byte Info { get; } = info;
        public ushort SectionIndex { get; } = sectionIndex;
        public ulong Value { get; } = value;

        public bool IsGlobal => (Info >> 4) is 1 or 2;
    }

    /// <summary>One RELA entry.</summary>
    internal readonly record struct Relocation(ulong Offset, int SymbolIndex, uint Type, long Addend);
}
