/* numbaweaver_native_resolve_v3: a stub's whole first call in one request. The managed side (runtime/Cache/NativeHit.cs)
   passes .NET strings as they are (UTF-16, pinned) and a few numbers, so it builds no text of its own: each text it
   built cost a process's first call its first-time work (about 0.4 ms in all; docs/cache.md). This writes the symbol
   (as NativeSymbols.For), the key text (as CacheKey), the precompiled folder (as NativeHit's managed lookup) and, for a
   generic stub, finds its instance in the weaver's list (as GenericInstances.FindLine), then looks the entry up with
   nw_precompiled and nw_cached. The integration tests require every hit of their programs to be served here, so a
   text written differently from the managed one shows as a failed test, not as a silent miss. */
#include "native_hit.h"
#include "sha256.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A .NET string: its UTF-16 code units and their count (chars may be NULL when length is 0). */
typedef struct { const uint16_t *chars; int32_t length; } nw_text;

/* Field for field NativeHit.Request. */
typedef struct {
    nw_text application;        /* AppContext.BaseDirectory: the precompiled folder is there, <simple name>.numba */
    nw_text precompiled_folder; /* or this folder, when not empty (a stub that does not carry its assembly's name) */
    nw_text assembly;           /* the assembly's display name */
    nw_text function;           /* the entry's IR name; for a generic stub, the generic function's */
    nw_text fingerprint;        /* the entry's IR (or key) fingerprint; a generic stub's comes from its instance line */
    nw_text instances;          /* a generic stub's listed instances (GenericInstances' text); empty otherwise */
    nw_text our_build;          /* CacheKey.OurBuild */
    nw_text cache_root;         /* NumbaCache.Root; empty until this answers NW_NEEDS_CACHE_ROOT */
    nw_text foreign;            /* an entry calling other assemblies: their simple names and index texts, each one
                                   ended by U+0000 (name, text, name, text, ...), as its stub's helper returned them */
    const int32_t *scalars;     /* a generic stub's type arguments as indexes into scalar_names */
    int32_t scalar_count;
    int32_t flags;              /* FunctionFlags of a non-generic entry */
    int32_t key_format, ir_format, opt_level;
    int32_t bounds_check;       /* NUMBA_BOUNDSCHECK: -1 unset (per function), 0 off, 1 on */
    int32_t use_precompiled, cache_all;
} nw_request;

/* FunctionFlags (runtime/IR/IrFunction.cs). */
enum { flag_cache = 32, flag_calls_other_assemblies = 131072, max_foreign_depth = 16 };
/* GenericArguments.IrNames: the IR names of the number types a generic stub's scalar codes stand for. */
static const char *const scalar_names[] = { "i8", "u8", "i16", "u16", "i32", "u32", "i64", "u64", "f32", "f64" };

/* A growing UTF-8 text; failed once anything could not be written (memory, a NUL character). */
typedef struct { char *bytes; size_t length, capacity; int failed; } text;

static void put(text *t, const char *bytes, size_t n)
{
    if (t->failed) return;
    if (t->length + n + 1 > t->capacity) {
        size_t capacity = (t->length + n + 1) * 2;
        char *grown = realloc(t->bytes, capacity);
        if (!grown) { t->failed = 1; return; }
        t->bytes = grown;
        t->capacity = capacity;
    }
    memcpy(t->bytes + t->length, bytes, n);
    t->length += n;
    t->bytes[t->length] = 0;
}

static void put_c(text *t, const char *s) { put(t, s, strlen(s)); }

/* UTF-16 to UTF-8 as .NET's Encoding.UTF8 writes it: a lone surrogate becomes U+FFFD. A NUL character fails the text,
   unless separators are kept (the foreign index texts' separators). */
static void put_utf16_keeping(text *t, nw_text s, int keep_nul)
{
    put(t, "", 0); /* even an empty text is a C string */
    for (int32_t i = 0; i < s.length; i++) {
        uint32_t c = s.chars[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.length && s.chars[i + 1] >= 0xDC00 && s.chars[i + 1] <= 0xDFFF)
            c = 0x10000 + ((c - 0xD800) << 10) + (s.chars[++i] - 0xDC00);
        else if (c >= 0xD800 && c <= 0xDFFF)
            c = 0xFFFD;
        char b[4];
        size_t n;
        if (c == 0 && !keep_nul) { t->failed = 1; return; } /* a C string cannot hold it: the managed path serves this entry */
        if (c < 0x80) { b[0] = (char)c; n = 1; }
        else if (c < 0x800) { b[0] = (char)(0xC0 | c >> 6); b[1] = (char)(0x80 | (c & 63)); n = 2; }
        else if (c < 0x10000) { b[0] = (char)(0xE0 | c >> 12); b[1] = (char)(0x80 | (c >> 6 & 63)); b[2] = (char)(0x80 | (c & 63)); n = 3; }
        else { b[0] = (char)(0xF0 | c >> 18); b[1] = (char)(0x80 | (c >> 12 & 63)); b[2] = (char)(0x80 | (c >> 6 & 63)); b[3] = (char)(0x80 | (c & 63)); n = 4; }
        put(t, b, n);
    }
}

static void put_utf16(text *t, nw_text s) { put_utf16_keeping(t, s, 0); }

static void put_int(text *t, int32_t value)
{
    char digits[16];
    put(t, digits, (size_t)snprintf(digits, sizeof digits, "%d", value));
}

/* NativeSymbols.For over the UTF-8 name: "nj_", the first 60 UTF-16 characters with each one that is not an ASCII letter
   or digit written as '_', '_', then FNV-1a of the UTF-8 bytes as 8 hex digits. */
static void put_symbol(text *t, const char *name)
{
    uint32_t hash = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) hash = (hash ^ *p) * 16777619u;
    put_c(t, "nj_");
    int characters = 0;
    for (const unsigned char *p = (const unsigned char *)name; *p && characters < 60;) {
        unsigned char c = *p;
        if (c < 0x80) {
            char kept = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? (char)c : '_';
            put(t, &kept, 1);
            characters++;
            p++;
            continue;
        }
        /* A code point above U+FFFF is two UTF-16 characters, each written '_' (the second only within the 60). */
        int units = c >= 0xF0 ? 2 : 1;
        p += c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        for (int u = 0; u < units && characters < 60; u++, characters++) put_c(t, "_");
    }
    char hex[10];
    snprintf(hex, sizeof hex, "_%08x", hash);
    put_c(t, hex);
}

/* The text from start up to (not including) the next tab or the end of the line: a field of an instance line. */
static const char *field(const char *start, const char *line_end, const char **next)
{
    const char *tab = memchr(start, '\t', (size_t)(line_end - start));
    const char *end = tab ? tab : line_end;
    *next = tab ? tab + 1 : NULL;
    return end;
}

/* The flags field of an instance or index line, from start to end: digits only (what the weaver writes), at most
   int32's maximum; 0 for anything else, which the managed parser is left to judge. */
static int parse_flags(const char *start, const char *end, int32_t *flags)
{
    if (end == start || end - start > 10) return 0;
    long value = 0;
    for (const char *d = start; d < end; d++) {
        if (*d < '0' || *d > '9') return 0;
        value = value * 10 + (*d - '0');
    }
    if (value > 0x7FFFFFFF) return 0;
    *flags = (int32_t)value;
    return 1;
}

/* GenericInstances.FindLine: the line "<function>\t<type arguments>\t<instance>\t<flags>\t<fingerprint>[\t<callees>...]".
   NW_HIT fills the instance's name, flags and fingerprint; NW_MISS when the list has no such instance; NW_DEFER when the
   line is damaged (the managed path reports it). */
static int find_instance(const char *instances, const char *key, text *name, int32_t *flags, text *fingerprint)
{
    size_t key_length = strlen(key);
    for (const char *at = instances; *at;) {
        const char *newline = strchr(at, '\n');
        const char *line_end = newline ? newline : at + strlen(at);
        if ((size_t)(line_end - at) > key_length + 1 && strncmp(at, key, key_length) == 0 && at[key_length] == '\t') {
            const char *next, *start = at + key_length + 1;
            const char *end = field(start, line_end, &next);
            put(name, start, (size_t)(end - start));
            if (!next) return NW_DEFER;
            start = next;
            end = field(start, line_end, &next);
            if (!next || !parse_flags(start, end, flags)) return NW_DEFER;
            /* The fingerprint; an instance calling other assemblies keeps its callees after it, as a stub carries them. */
            start = next;
            end = *flags & flag_calls_other_assemblies ? line_end : field(start, line_end, &next);
            put(fingerprint, start, (size_t)(end - start));
            return NW_HIT;
        }
        if (!newline) break;
        at = newline + 1;
    }
    return NW_MISS;
}

/* The index line of function in an assembly's index text (IrIndex.Find): "nwindex 1", then lines
   "<64 hex fingerprint> <flags> <name>[\t<callee>]*". Points *line at the fingerprint and *end at the line's end. */
static int find_indexed(const char *index, const char *function, const char **line, const char **end, int32_t *flags)
{
    static const char header[] = "nwindex 1\n";
    if (strncmp(index, header, sizeof header - 1) != 0) return NW_DEFER;
    size_t function_length = strlen(function);
    for (const char *at = index + sizeof header - 1; *at;) {
        const char *newline = strchr(at, '\n');
        const char *line_end = newline ? newline : at + strlen(at);
        if (line_end > at) {
            if (line_end - at < 68 || at[64] != ' ') return NW_DEFER;
            const char *digits = at + 65, *space = memchr(digits, ' ', (size_t)(line_end - digits));
            int32_t line_flags;
            if (!space || !parse_flags(digits, space, &line_flags)) return NW_DEFER;
            const char *name = space + 1, *tab = memchr(name, '\t', (size_t)(line_end - name));
            const char *name_end = tab ? tab : line_end;
            if ((size_t)(name_end - name) == function_length && strncmp(name, function, function_length) == 0) {
                *line = at;
                *end = line_end;
                *flags = line_flags;
                return NW_HIT;
            }
        }
        if (!newline) break;
        at = newline + 1;
    }
    return NW_MISS;
}

/* The index text of the assembly named (simple name) in foreign (name, 0, text, 0, ...), or NULL. */
static const char *provided_index(const text *foreign, const char *assembly, size_t length)
{
    for (const char *at = foreign->bytes, *stop = foreign->bytes + foreign->length; at < stop;) {
        const char *text_at = at + strlen(at) + 1;
        if (text_at >= stop) return NULL;
        if (strlen(at) == length && strncmp(at, assembly, length) == 0) return text_at;
        at = text_at + strlen(text_at) + 1;
    }
    return NULL;
}

/* ForeignCalls.KeyFingerprint: SHA-256 (hex) of the entry's fingerprint and, for each callee "[assembly]function" after
   it (carried: "<fingerprint>[\t<callee>]*", as a stub or an index line carries them), "\n<callee> <its fingerprint>",
   a callee that calls further assemblies by its own key fingerprint. NW_DEFER when an assembly's index was not
   provided or lacks the function: the managed path loads what it needs and reports what changed. */
static int key_fingerprint(const text *foreign, const char *carried, size_t carried_length, int depth, char hex[65])
{
    if (depth > max_foreign_depth) return NW_DEFER;
    const char *tab = memchr(carried, '\t', carried_length);
    text keyed = { 0 };
    put(&keyed, carried, tab ? (size_t)(tab - carried) : carried_length);
    int result = NW_HIT;
    for (const char *callee = tab ? tab + 1 : NULL; callee && result == NW_HIT;) {
        const char *next = memchr(callee, '\t', (size_t)(carried + carried_length - callee));
        const char *callee_end = next ? next : carried + carried_length;
        const char *close = callee_end - callee >= 3 && callee[0] == '[' ? memchr(callee + 1, ']', (size_t)(callee_end - callee - 1)) : NULL;
        const char *index = close && close > callee + 1 && close + 1 < callee_end ? provided_index(foreign, callee + 1, (size_t)(close - callee - 1)) : NULL;
        text function = { 0 };
        put(&function, close ? close + 1 : "", close ? (size_t)(callee_end - close - 1) : 0);
        const char *line = NULL, *line_end = NULL;
        int32_t flags = 0;
        result = index && !function.failed ? find_indexed(index, function.bytes, &line, &line_end, &flags) : NW_DEFER;
        char callee_hex[65];
        if (result == NW_HIT) {
            if (flags & flag_calls_other_assemblies) {
                /* Its own fingerprint and callees: the line's fingerprint, then what follows its name. */
                const char *own_tab = memchr(line + 65, '\t', (size_t)(line_end - line - 65));
                text own = { 0 };
                put(&own, line, 64);
                if (own_tab) put(&own, own_tab, (size_t)(line_end - own_tab));
                result = own.failed ? NW_DEFER : key_fingerprint(foreign, own.bytes, own.length, depth + 1, callee_hex);
                free(own.bytes);
            } else {
                memcpy(callee_hex, line, 64);
                callee_hex[64] = 0;
            }
        } else {
            result = NW_DEFER;
        }
        if (result == NW_HIT) {
            put_c(&keyed, "\n");
            put(&keyed, callee, (size_t)(callee_end - callee));
            put_c(&keyed, " ");
            put_c(&keyed, callee_hex);
        }
        free(function.bytes);
        callee = next ? next + 1 : NULL;
    }
    if (result == NW_HIT && !keyed.failed) {
        uint8_t digest[32];
        nw_sha256 h;
        nw_sha256_init(&h);
        nw_sha256_update(&h, keyed.bytes, keyed.length);
        nw_sha256_final(&h, digest);
        nw_hex(digest, 32, hex);
    } else if (result == NW_HIT) {
        result = NW_DEFER;
    }
    free(keyed.bytes);
    return result;
}

static int resolve(const nw_request *r, nw_runtime_symbols runtime, void **address, text *name, text *fingerprint)
{
    int32_t flags = r->flags;
    if (r->instances.length > 0) {
        text instances = { 0 }, key = { 0 };
        put_utf16(&instances, r->instances);
        put_utf16(&key, r->function);
        put_c(&key, "\t");
        for (int32_t i = 0; i < r->scalar_count; i++) {
            if (r->scalars[i] < 0 || r->scalars[i] >= (int32_t)(sizeof scalar_names / sizeof scalar_names[0])) key.failed = 1;
            else {
                if (i > 0) put_c(&key, ",");
                put_c(&key, scalar_names[r->scalars[i]]);
            }
        }
        int found = instances.failed || key.failed ? NW_DEFER : find_instance(instances.bytes, key.bytes, name, &flags, fingerprint);
        free(instances.bytes);
        free(key.bytes);
        if (found != NW_HIT) return found;
    } else {
        put_utf16(name, r->function);
        put_utf16(fingerprint, r->fingerprint);
    }
    if ((flags & flag_calls_other_assemblies) && r->foreign.length > 0 && !fingerprint->failed) {
        /* A stub calling other assemblies carried its callees after its fingerprint (a generic instance's line lists them
           likewise), with their index texts: its key's fingerprint covers theirs (ForeignCalls.KeyFingerprint), and from
           here on it is looked up like any entry. */
        text foreign = { 0 };
        put_utf16_keeping(&foreign, r->foreign, 1);
        char hex[65];
        int keyed = foreign.failed ? NW_DEFER : key_fingerprint(&foreign, fingerprint->bytes, fingerprint->length, 0, hex);
        free(foreign.bytes);
        if (keyed != NW_HIT) return keyed;
        fingerprint->length = 0;
        put_c(fingerprint, hex);
        flags &= ~flag_calls_other_assemblies;
    }
    if (flags & flag_calls_other_assemblies) return NW_CALLS_OTHERS;
    if (name->failed || fingerprint->failed) return NW_DEFER;

    /* CacheKey: TextBeforeTarget, the target (level or host, with OurBuild at its end), then TextAfterTarget. */
    text head = { 0 }, symbol = { 0 }, tail = { 0 }, folder = { 0 }, assembly = { 0 };
    put_c(&head, "numbaweaver-cache ");
    put_int(&head, r->key_format);
    put_c(&head, "\nir-format ");
    put_int(&head, r->ir_format);
    put_c(&head, "\ntarget ");
    put_symbol(&symbol, name->bytes);
    put_utf16(&tail, r->our_build);
    put_c(&tail, "\nsettings opt ");
    put_int(&tail, r->opt_level);
    put_c(&tail, r->bounds_check < 0 ? " boundscheck per-function" : r->bounds_check ? " boundscheck on" : " boundscheck off");
    put_c(&tail, "\nentry ");
    put_c(&tail, name->bytes);
    put_c(&tail, "\nir ");
    put_c(&tail, fingerprint->bytes);
    put_c(&tail, "\n");
    put_utf16(&assembly, r->assembly);
    int result = head.failed || symbol.failed || tail.failed || assembly.failed ? NW_DEFER : NW_MISS;

    if (result == NW_MISS && r->use_precompiled) {
        /* The assembly's .numba folder: given, or in the application's folder by the assembly's simple name. */
        if (r->precompiled_folder.length > 0) {
            put_utf16(&folder, r->precompiled_folder);
        } else if (r->application.length > 0 && assembly.length > 0) {
            put_utf16(&folder, r->application);
            if (folder.length > 0 && folder.bytes[folder.length - 1] != '/') put_c(&folder, "/");
            const char *version = strstr(assembly.bytes, ", Version=");
            put(&folder, assembly.bytes, version ? (size_t)(version - assembly.bytes) : assembly.length);
            put_c(&folder, ".numba");
        }
        text level_head = { 0 };
        put(&level_head, head.bytes, head.length);
        put_c(&level_head, "level ");
        if (folder.failed || level_head.failed) result = NW_DEFER;
        else if (folder.length > 0) result = nw_precompiled(folder.bytes, level_head.bytes, tail.bytes, symbol.bytes, runtime, address);
        free(level_head.bytes);
    }
    if (result == NW_MISS && (r->cache_all || (flags & flag_cache))) {
        if (r->cache_root.length == 0) result = NW_NEEDS_CACHE_ROOT;
        else if (assembly.length == 0) result = NW_DEFER;
        else {
            text root = { 0 }, host_head = { 0 };
            put_utf16(&root, r->cache_root);
            put(&host_head, head.bytes, head.length);
            put_c(&host_head, "host cpu ");
            result = root.failed || host_head.failed ? NW_DEFER
                     : nw_cached(root.bytes, assembly.bytes, host_head.bytes, tail.bytes, symbol.bytes, runtime, address);
            free(root.bytes);
            free(host_head.bytes);
        }
    }
    free(head.bytes);
    free(symbol.bytes);
    free(tail.bytes);
    free(folder.bytes);
    free(assembly.bytes);
    return result;
}

/* NW_HIT with *address; NW_MISS (compile, or serve it managed); NW_CALLS_OTHERS; NW_NEEDS_RUNTIME (ask again with
   runtime); NW_NEEDS_CACHE_ROOT (ask again with the cache root); NW_DEFER (the managed path decides). */
EXPORT int numbaweaver_native_resolve_v3(const nw_request *request, nw_runtime_symbols runtime, void **address)
{
    text name = { 0 }, fingerprint = { 0 };
    *address = NULL;
    int result = resolve(request, runtime, address, &name, &fingerprint);
    free(name.bytes);
    free(fingerprint.bytes);
    return result;
}

/* NativeSymbols.For, for the tests that hold the two equal. */
EXPORT int numbaweaver_native_symbol(const uint16_t *chars, int32_t length, char *out, int32_t size)
{
    text name = { 0 }, symbol = { 0 };
    put_utf16(&name, (nw_text){ chars, length });
    if (!name.failed) put_symbol(&symbol, name.bytes ? name.bytes : "");
    int written = !name.failed && !symbol.failed && size > 0 && symbol.length < (size_t)size;
    if (written) memcpy(out, symbol.bytes, symbol.length + 1);
    free(name.bytes);
    free(symbol.bytes);
    return written;
}
