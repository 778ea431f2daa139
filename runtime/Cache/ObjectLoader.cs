// Loads an ELF x86-64 relocatable object into executable memory without LLVM: layout, relocation, sealing.
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;

namespace NumbaWeaver.Cache;

/// <summary>
/// A minimal static linker for the objects our backend emits (PIC, small code model): it places the allocated
/// sections in one mapping, routes calls and GOT loads to external C symbols through stubs in the same
/// mapping (so every PC-relative distance fits in 32 bits), applies the relocations and seals the code
/// read-execute. This is what lets a cached or precompiled method run without loading libLLVM (~50 ms).
/// </summary>
public static class ObjectLoader
{
    private const uint R64 = 1, Pc32 = 2, Plt32 = 4, GotPcRel = 9, Abs32 = 10, Abs32S = 11, Pc64 = 24, GotPcRelX = 41, RexGotPcRelX = 42;
    private const int StubSize = 16; // jmp *8(%rip)... : ff 25 02 00 00 00, 2 bytes padding, then the 8-byte target

    /// <summary>Loads <paramref name="objectFile"/> and returns the address of the global <paramref name="symbol"/>.
    /// Throws <see cref="InvalidDataException"/> for malformed or unsupported objects; nothing runs before the
    /// caller calls the address.</summary>
    public static nint Load(byte[] objectFile, string symbol)
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
            throw new PlatformNotSupportedException("loading object code without LLVM is implemented for Linux x86-64 only");
        var elf = new ElfObject(objectFile);
        var symbols = elf.Symbols();
        int entryIndex = -1;
        for (int i = 0; i < symbols.Length && entryIndex < 0; i++)
            if (symbols[i].Name == symbol && symbols[i].IsGlobal && symbols[i].SectionIndex != ElfObject.SymbolUndefined) entryIndex = i;
        ElfObject.Require(entryIndex >= 0, $"symbol '{symbol}' is not defined");

        var layout = Layout.Plan(elf, symbols);
        nint baseAddress = ExecutableMemory.Allocate(layout.TotalSize);
        try
        {
            layout.Copy(elf, baseAddress);
            layout.WriteStubs(baseAddress);
            foreach (var rela in elf.Sections)
            {
                if (rela.Type == ElfObject.SectionRel) throw new InvalidDataException("malformed object code: REL sections are not supported");
                if (rela.Type != ElfObject.SectionRela) continue;
                ElfObject.Require(rela.Info < elf.Sections.Length, "relocation target outside the section table");
                var target = elf.Sections[(int)rela.Info];
                if (!layout.IsPlaced((int)rela.Info)) continue; // .eh_frame, debug info: not loaded
                for (int i = 0, count = elf.RelocationCount(rela); i < count; i++)
                    Apply(layout, baseAddress, symbols, (int)rela.Info, target, elf.RelocationAt(rela, i));
            }
            ExecutableMemory.SealExecutable(baseAddress, layout.ReadOnlySize);
            return (nint)layout.SymbolAddress(baseAddress, symbols[entryIndex]);
        }
        catch
        {
            ExecutableMemory.Free(baseAddress, layout.TotalSize);
            throw;
        }
    }

    private static void Apply(Layout layout, nint baseAddress, ElfObject.Symbol[] symbols, int sectionIndex, ElfObject.Section target, ElfObject.Relocation r)
    {
        ElfObject.Require(r.SymbolIndex >= 0 && r.SymbolIndex < symbols.Length, "relocation symbol outside the symbol table");
        int width = r.Type is R64 or Pc64 ? 8 : 4;
        ElfObject.Require(r.Offset <= target.Size && (ulong)width <= target.Size - r.Offset, "relocation outside its section");
        var symbol = symbols[r.SymbolIndex];
        long place = baseAddress + layout.SectionOffset(sectionIndex) + (long)r.Offset;
        bool external = symbol.SectionIndex == ElfObject.SymbolUndefined;
        long value = r.Type switch
        {
            R64 or Abs32 or Abs32S => layout.SymbolAddress(baseAddress, symbol) + r.Addend,
            Pc32 or Pc64 => layout.SymbolAddress(baseAddress, symbol) + r.Addend - place,
            Plt32 => (external ? layout.StubAddress(baseAddress, symbol.Name) : layout.SymbolAddress(baseAddress, symbol)) + r.Addend - place,
            GotPcRel or GotPcRelX or RexGotPcRelX => layout.GotSlotAddress(baseAddress, symbol, r.SymbolIndex) + r.Addend - place,
            _ => throw new InvalidDataException($"malformed object code: unsupported relocation type {r.Type}"),
        };
        unsafe
        {
            switch (r.Type)
            {
                case R64 or Pc64:
                    break;
                case Abs32:
                    ElfObject.Require(value is >= 0 and <= uint.MaxValue, "32-bit absolute relocation out of range");
                    break;
                default:
                    ElfObject.Require(value is >= int.MinValue and <= int.MaxValue, "32-bit relocation out of range");
                    break;
            }
            LittleEndian.Write((byte*)place, (ulong)value, width); // the low bytes: two's complement for the signed kinds
        }
    }

    /// <summary>Where each loaded section, call stub and GOT slot goes in the single mapping.</summary>
    private sealed class Layout
    {
        // Arrays and reference-type collections only: value-type generic instantiations would be jitted on the
        // first load of a process, which is the latency this loader exists to avoid.
        private readonly long[] _sectionOffsets;
        // An array searched by name, not a Dictionary or a List: an object calls a handful of C functions, and the first
        // lookup through a Dictionary instantiation of ours cost a process's first relocation 0.07 ms (measured); a
        // List<StubSlot> loaded nine types.
        private StubSlot[] _stubs = new StubSlot[4];
        private int _stubCount;

        private Layout(int sectionCount)
        {
            _sectionOffsets = new long[sectionCount];
            for (int i = 0; i < sectionCount; i++) _sectionOffsets[i] = -1;
        }

        /// <summary>A call stub whose last 8 bytes double as the GOT slot of one external symbol.</summary>
        private sealed class StubSlot(string name, long offset)
        {
            public string Name { get; } = name;
            public long Offset { get; } = offset;
        }

        public long TotalSize { get; private set; }

        /// <summary>Code, constants, stubs and GOT: sealed read-execute. Writable sections follow on their own pages.</summary>
        public long ReadOnlySize { get; private set; }

        public static Layout Plan(ElfObject elf, ElfObject.Symbol[] symbols)
        {
            var layout = new Layout(elf.Sections.Length);
            long at = 0;
            for (int i = 0; i < elf.Sections.Length; i++)
            {
                var s = elf.Sections[i];
                if (!s.IsLoaded || (s.Flags & ElfObject.FlagWrite) != 0 || IsUnwindInfo(s)) continue;
                at = Align(at, (long)s.Align);
                layout._sectionOffsets[i] = at;
                at += (long)s.Size;
            }
            // Every undefined symbol gets a call stub and a GOT slot (the stub jumps through its slot).
            at = Align(at, 16);
            foreach (var symbol in symbols)
            {
                if (symbol.SectionIndex != ElfObject.SymbolUndefined || symbol.Name.Length == 0 || layout.FindStub(symbol.Name) is not null) continue;
                if (layout._stubCount == layout._stubs.Length) Array.Resize(ref layout._stubs, layout._stubs.Length * 2);
                layout._stubs[layout._stubCount++] = new StubSlot(symbol.Name, at);
                at += StubSize;
            }
            layout.ReadOnlySize = at;
            at = Align(at, ExecutableMemory.PageSize);
            for (int i = 0; i < elf.Sections.Length; i++)
            {
                var s = elf.Sections[i];
                if (!s.IsLoaded || (s.Flags & ElfObject.FlagWrite) == 0 || IsUnwindInfo(s)) continue;
                at = Align(at, (long)s.Align);
                layout._sectionOffsets[i] = at;
                at += (long)s.Size;
            }
            layout.TotalSize = Math.Max(at, 1);
            return layout;
        }

        public bool IsPlaced(int section) => section >= 0 && section < _sectionOffsets.Length && _sectionOffsets[section] >= 0;

        public long SectionOffset(int section) => _sectionOffsets[section];

        public unsafe void Copy(ElfObject elf, nint baseAddress)
        {
            for (int index = 0; index < _sectionOffsets.Length; index++)
            {
                long offset = _sectionOffsets[index];
                if (offset < 0) continue;
                var s = elf.Sections[index];
                if (s.Type == ElfObject.SectionNoBits) continue; // already zero
                // Buffer.MemoryCopy, not AsSpan: MemoryExtensions lives behind the System.Memory facade (a first-call load).
                fixed (byte* source = elf.Bytes) Buffer.MemoryCopy(source + s.Offset, (void*)(baseAddress + offset), (long)s.Size, (long)s.Size);
            }
        }

        public unsafe void WriteStubs(nint baseAddress)
        {
            for (int i = 0; i < _stubCount; i++)
            {
                var slot = _stubs[i];
                byte* at = (byte*)(baseAddress + slot.Offset);
                // jmp *2(%rip): the 8-byte slot after two bytes of padding doubles as the GOT entry.
                at[0] = 0xff;
                at[1] = 0x25;
                LittleEndian.Write(at + 2, 2, 4);
                at[6] = 0;
                at[7] = 0;
                LittleEndian.Write(at + 8, (ulong)ExternalSymbols.Resolve(slot.Name), 8);
            }
        }

        public long SymbolAddress(nint baseAddress, ElfObject.Symbol symbol) => symbol.SectionIndex switch
        {
            ElfObject.SymbolUndefined => ExternalSymbols.Resolve(symbol.Name),
            ElfObject.SymbolAbsolute => (long)symbol.Value,
            ElfObject.SymbolCommon => throw new InvalidDataException("malformed object code: common symbols are not supported"),
            _ when IsPlaced(symbol.SectionIndex) => baseAddress + _sectionOffsets[symbol.SectionIndex] + (long)symbol.Value,
            _ => throw new InvalidDataException($"malformed object code: symbol '{symbol.Name}' lies in a section that is not loaded"),
        };

        public long StubAddress(nint baseAddress, string name) => baseAddress + Stub(name).Offset;

        private StubSlot? FindStub(string name)
        {
            for (int i = 0; i < _stubCount; i++)
                if (string.Equals(_stubs[i].Name, name)) return _stubs[i];
            return null;
        }

        private StubSlot Stub(string name) =>
            FindStub(name) ?? throw new InvalidDataException($"malformed object code: no call stub for '{name}'");

        public long GotSlotAddress(nint baseAddress, ElfObject.Symbol symbol, int index)
        {
            if (symbol.SectionIndex == ElfObject.SymbolUndefined) return baseAddress + Stub(symbol.Name).Offset + 8;
            throw new InvalidDataException($"malformed object code: GOT relocation against local symbol #{index}");
        }

        private static bool IsUnwindInfo(ElfObject.Section s) => s.Name is ".eh_frame" or ".eh_frame_hdr";

        private static long Align(long value, long alignment) => (value + alignment - 1) / alignment * alignment;
    }
}
