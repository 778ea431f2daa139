/* Validates one cache or precompiled entry file (header, checksum, key, symbol) as runtime/Cache/CacheEntryFile.cs does. */
#include "native_hit.h"
#include "sha256.h"
#include <string.h>


enum { magic_size = 8, checksum_size = 32, format_version = 1 };

int nw_entry_object(const uint8_t *bytes, size_t size, const uint8_t key[32], const char *symbol,
                    const uint8_t **object, size_t *object_size)
{
    /* Layout: "NWCACHE1", u32 version, 32-byte key, u32 + symbol, u32 + description, u64 + object, SHA-256 of the rest. */
    if (size < magic_size + 4 + 32 + 4 + 4 + 8 + checksum_size) return NW_DEFER;
    if (memcmp(bytes, "NWCACHE1", magic_size) != 0 || nw_u32(bytes + magic_size) != format_version) return NW_DEFER;
    size_t body = size - checksum_size;
    nw_sha256 h;
    uint8_t digest[32];
    nw_sha256_init(&h);
    nw_sha256_update(&h, bytes, body);
    nw_sha256_final(&h, digest);
    if (memcmp(digest, bytes + body, checksum_size) != 0) return NW_DEFER;
    size_t at = magic_size + 4;
    if (memcmp(bytes + at, key, 32) != 0) return NW_DEFER; /* foreign: renamed or copied from another key */
    at += 32;
    size_t symbol_length = strlen(symbol);
    for (int field = 0; field < 2; field++) { /* the symbol, then the description (for humans) */
        if (at + 4 > body) return NW_DEFER;
        uint32_t length = nw_u32(bytes + at);
        at += 4;
        if (length > body - at) return NW_DEFER;
        if (field == 0 && (length != symbol_length || memcmp(bytes + at, symbol, length) != 0)) return NW_DEFER;
        at += length;
    }
    if (at + 8 > body) return NW_DEFER;
    uint64_t length = nw_u64(bytes + at);
    at += 8;
    if (length != body - at) return NW_DEFER;
    *object = bytes + at;
    *object_size = body - at;
    return NW_HIT;
}
