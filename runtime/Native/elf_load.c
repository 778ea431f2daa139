/* Links an ELF x86-64 relocatable object into executable memory: the layout, stubs and relocations of
   runtime/Cache/ObjectLoader.cs, bounds-checked the same way. Anything it does not handle is NW_DEFER. */
#define _GNU_SOURCE
#include "native_hit.h"
#include <dlfcn.h>
#include <string.h>
#include <sys/mman.h>

enum {
    sht_symtab = 2, sht_rela = 4, sht_nobits = 8, sht_rel = 9,
    shn_undef = 0, shn_abs = 0xfff1,
    r_64 = 1, r_pc32 = 2, r_plt32 = 4, r_gotpcrel = 9, r_32 = 10, r_32s = 11, r_pc64 = 24, r_gotpcrelx = 41, r_rex_gotpcrelx = 42,
    stub_size = 16, page_size = 4096, max_stubs = 64, max_sections = 1024,
};
static const uint64_t shf_write = 1, shf_alloc = 2;

typedef struct {
    const uint8_t *bytes;
    size_t size;
    const uint8_t *sections; /* the section header table */
    unsigned section_count;
} elf;


/* Section header fields. */
static const uint8_t *section(const elf *e, unsigned i) { return e->sections + (size_t)i * 64; }
static uint32_t sh_name(const elf *e, unsigned i) { return nw_u32(section(e, i)); }
static uint32_t sh_type(const elf *e, unsigned i) { return nw_u32(section(e, i) + 4); }
static uint64_t sh_flags(const elf *e, unsigned i) { return nw_u64(section(e, i) + 8); }
static uint64_t sh_offset(const elf *e, unsigned i) { return nw_u64(section(e, i) + 24); }
static uint64_t sh_size(const elf *e, unsigned i) { return nw_u64(section(e, i) + 32); }
static uint32_t sh_link(const elf *e, unsigned i) { return nw_u32(section(e, i) + 40); }
static uint32_t sh_info(const elf *e, unsigned i) { return nw_u32(section(e, i) + 44); }
static uint64_t sh_align(const elf *e, unsigned i) { uint64_t a = nw_u64(section(e, i) + 48); return a ? a : 1; }

static int in_file(const elf *e, uint64_t offset, uint64_t size) { return offset <= e->size && size <= e->size - offset; }

/* The zero-terminated string at offset in string table section t, or NULL when it leaves the table. */
static const char *string_at(const elf *e, unsigned t, uint32_t offset)
{
    uint64_t size = sh_size(e, t);
    /* A string table must lie in the file (one marked NOBITS was not range-checked with the others). */
    if (sh_type(e, t) == sht_nobits || !in_file(e, sh_offset(e, t), size) || offset >= size) return NULL;
    const char *s = (const char *)e->bytes + sh_offset(e, t) + offset;
    return memchr(s, 0, size - offset) ? s : NULL;
}

static int is_unwind(const elf *e, unsigned i, unsigned names)
{
    const char *name = string_at(e, names, sh_name(e, i));
    return name && (strcmp(name, ".eh_frame") == 0 || strcmp(name, ".eh_frame_hdr") == 0);
}

static int is_loaded(const elf *e, unsigned i) { return (sh_flags(e, i) & shf_alloc) && sh_size(e, i) > 0; }

static uint64_t align_up(uint64_t v, uint64_t a) { return (v + a - 1) / a * a; }

typedef struct { const char *name; uint64_t offset; } stub;

int nw_elf_load(const uint8_t *object, size_t size, const char *symbol, nw_runtime_symbols runtime, void **address)
{
    elf e = { object, size, NULL, 0 };
    if (size < 64 || memcmp(object, "\177ELF", 4) != 0 || object[4] != 2 || object[5] != 1) return NW_DEFER;
    if (nw_u16(object + 16) != 1 || nw_u16(object + 18) != 62 || nw_u16(object + 0x3A) != 64) return NW_DEFER;
    uint64_t table = nw_u64(object + 0x28);
    unsigned count = nw_u16(object + 0x3C), names = nw_u16(object + 0x3E);
    /* At most max_sections: the layout keeps one offset per section on the stack (our objects have a few dozen). */
    if (count == 0 || count > max_sections || names >= count || !in_file(&e, table, (uint64_t)count * 64)) return NW_DEFER;
    e.sections = object + table;
    e.section_count = count;
    unsigned symtab = count;
    for (unsigned i = 0; i < count; i++) {
        uint64_t align = sh_align(&e, i);
        if (align > 4096 || (align & (align - 1))) return NW_DEFER;
        if (sh_type(&e, i) != sht_nobits && !in_file(&e, sh_offset(&e, i), sh_size(&e, i))) return NW_DEFER;
        if (sh_type(&e, i) == sht_rel) return NW_DEFER;
        if (sh_type(&e, i) == sht_symtab && symtab == count) symtab = i;
    }
    if (symtab == count || sh_link(&e, symtab) >= count) return NW_DEFER;
    unsigned strtab = sh_link(&e, symtab);
    const uint8_t *symbols = object + sh_offset(&e, symtab);
    uint64_t symbol_count = sh_size(&e, symtab) / 24;

    /* Layout: read-only sections, then one call stub (and GOT slot) per external symbol, then writable sections on their own pages. */
    int64_t offsets[count];
    uint64_t at = 0;
    for (unsigned i = 0; i < count; i++) {
        offsets[i] = -1;
        if (!is_loaded(&e, i) || (sh_flags(&e, i) & shf_write) || is_unwind(&e, i, names)) continue;
        at = align_up(at, sh_align(&e, i));
        offsets[i] = (int64_t)at;
        at += sh_size(&e, i);
    }
    at = align_up(at, 16);
    stub stubs[max_stubs];
    unsigned stub_count = 0;
    int64_t entry = -1;
    for (uint64_t s = 0; s < symbol_count; s++) {
        const uint8_t *sym = symbols + s * 24;
        const char *name = string_at(&e, strtab, nw_u32(sym));
        if (!name) return NW_DEFER;
        uint16_t index = nw_u16(sym + 6);
        if (index == shn_undef) {
            if (!*name) continue;
            unsigned k = 0;
            while (k < stub_count && strcmp(stubs[k].name, name) != 0) k++;
            if (k < stub_count) continue;
            if (stub_count == max_stubs) return NW_DEFER;
            stubs[stub_count++] = (stub){ name, at };
            at += stub_size;
        } else if (entry < 0 && (sym[4] >> 4 == 1 || sym[4] >> 4 == 2) && strcmp(name, symbol) == 0) {
            entry = (int64_t)s;
        }
    }
    if (entry < 0) return NW_DEFER;
    uint64_t read_only = at;
    at = align_up(at, page_size);
    for (unsigned i = 0; i < count; i++) {
        if (!is_loaded(&e, i) || !(sh_flags(&e, i) & shf_write) || is_unwind(&e, i, names)) continue;
        at = align_up(at, sh_align(&e, i));
        offsets[i] = (int64_t)at;
        at += sh_size(&e, i);
    }
    uint64_t total = align_up(at ? at : 1, page_size);

    /* External symbols first: the managed runtime's own (numbaweaver_...) from its resolver, C functions from the
       process's global scope; one nobody defines defers. */
    void *targets[max_stubs];
    for (unsigned k = 0; k < stub_count; k++) {
        if (strncmp(stubs[k].name, "numbaweaver_", 12) == 0) {
            if (!runtime) return NW_NEEDS_RUNTIME;
            targets[k] = runtime(stubs[k].name);
        } else {
            targets[k] = dlsym(RTLD_DEFAULT, stubs[k].name);
        }
        if (!targets[k]) return NW_DEFER;
    }

    uint8_t *base = mmap(NULL, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED) return NW_DEFER;
    for (unsigned i = 0; i < count; i++)
        if (offsets[i] >= 0 && sh_type(&e, i) != sht_nobits) memcpy(base + offsets[i], object + sh_offset(&e, i), sh_size(&e, i));
    for (unsigned k = 0; k < stub_count; k++) { /* jmp *2(%rip), two bytes of padding, then the 8-byte target (the GOT slot) */
        uint8_t *p = base + stubs[k].offset;
        static const uint8_t jump[8] = { 0xff, 0x25, 2, 0, 0, 0, 0, 0 };
        memcpy(p, jump, 8);
        uint64_t target = (uint64_t)(uintptr_t)targets[k];
        memcpy(p + 8, &target, 8);
    }

    for (unsigned r = 0; r < count; r++) {
        if (sh_type(&e, r) != sht_rela) continue;
        unsigned target_section = sh_info(&e, r);
        if (target_section >= count) goto fail;
        if (offsets[target_section] < 0) continue; /* .eh_frame, debug info: not loaded */
        uint64_t relocations = sh_size(&e, r) / 24;
        const uint8_t *rela = object + sh_offset(&e, r);
        for (uint64_t i = 0; i < relocations; i++, rela += 24) {
            uint64_t offset = nw_u64(rela), info = nw_u64(rela + 8);
            int64_t addend = (int64_t)nw_u64(rela + 16);
            uint32_t type = (uint32_t)info;
            uint64_t symbol_index = info >> 32;
            if (symbol_index >= symbol_count) goto fail;
            int width = type == r_64 || type == r_pc64 ? 8 : 4;
            if (offset > sh_size(&e, target_section) || (uint64_t)width > sh_size(&e, target_section) - offset) goto fail;
            const uint8_t *sym = symbols + symbol_index * 24;
            uint16_t index = nw_u16(sym + 6);
            const char *name = string_at(&e, strtab, nw_u32(sym));
            int64_t place = (int64_t)(uintptr_t)base + offsets[target_section] + (int64_t)offset;
            int64_t stub_address = 0, symbol_address;
            if (index == shn_undef) {
                unsigned k = 0;
                while (k < stub_count && strcmp(stubs[k].name, name) != 0) k++;
                if (k == stub_count) goto fail;
                stub_address = (int64_t)(uintptr_t)base + (int64_t)stubs[k].offset;
                symbol_address = (int64_t)(uintptr_t)targets[k];
            } else if (index == shn_abs) {
                symbol_address = (int64_t)nw_u64(sym + 8);
            } else if (index < count && offsets[index] >= 0) {
                symbol_address = (int64_t)(uintptr_t)base + offsets[index] + (int64_t)nw_u64(sym + 8);
            } else {
                goto fail; /* common symbols, symbols in sections not loaded */
            }
            int64_t value;
            switch (type) {
            case r_64: case r_32: case r_32s: value = symbol_address + addend; break;
            case r_pc32: case r_pc64: value = symbol_address + addend - place; break;
            case r_plt32: value = (index == shn_undef ? stub_address : symbol_address) + addend - place; break;
            case r_gotpcrel: case r_gotpcrelx: case r_rex_gotpcrelx:
                if (index != shn_undef) goto fail;
                value = stub_address + 8 + addend - place;
                break;
            default: goto fail;
            }
            if (type == r_32 && (value < 0 || value > 0xFFFFFFFFLL)) goto fail;
            if (width == 4 && type != r_32 && (value < INT32_MIN || value > INT32_MAX)) goto fail;
            memcpy((void *)(uintptr_t)place, &value, (size_t)width); /* little-endian: the low bytes */
        }
    }
    if (read_only > 0 && mprotect(base, align_up(read_only, page_size), PROT_READ | PROT_EXEC) != 0) goto fail;
    const uint8_t *entry_symbol = symbols + (uint64_t)entry * 24;
    uint16_t entry_section = nw_u16(entry_symbol + 6);
    if (entry_section >= count || offsets[entry_section] < 0) goto fail;
    *address = base + offsets[entry_section] + nw_u64(entry_symbol + 8);
    return NW_HIT;
fail:
    munmap(base, total);
    return NW_DEFER;
}
