/* SHA-256 (FIPS 180-4) for cache keys and entry checksums: the same digests runtime/IR/Sha256.cs computes. */
#ifndef NUMBAWEAVER_SHA256_H
#define NUMBAWEAVER_SHA256_H
#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t state[8];
    uint64_t length;        /* bytes absorbed so far */
    uint8_t block[64];
    size_t filled;          /* bytes waiting in block */
} nw_sha256;

void nw_sha256_init(nw_sha256 *h);
void nw_sha256_update(nw_sha256 *h, const void *data, size_t size);
void nw_sha256_final(nw_sha256 *h, uint8_t digest[32]);
/* Lowercase hex of size bytes into out (2 * size characters and a terminating zero). */
void nw_hex(const uint8_t *bytes, size_t size, char *out);
#endif
