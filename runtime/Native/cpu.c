/* The CPU's x86-64 levels and identity from CPUID and XGETBV, as runtime/Cache/CpuIdentity.cs computes them. */
#include "native_hit.h"
#include "sha256.h"
#include <cpuid.h>

static void query(unsigned leaf, unsigned subleaf, unsigned words[4])
{
    __cpuid_count(leaf, subleaf, words[0], words[1], words[2], words[3]);
}

/* XCR0 when the OS enabled XSAVE (CPUID 1 ECX bit 27); XGETBV would fault without it. */
static uint64_t enabled_state(void)
{
    unsigned w[4];
    query(1, 0, w);
    if (!(w[2] & (1u << 27))) return 0;
    unsigned low, high;
    __asm__ volatile("xgetbv" : "=a"(low), "=d"(high) : "c"(0));
    return (uint64_t)high << 32 | low;
}

#define BIT(word, n) (((word) >> (n)) & 1u)
static const uint64_t avx_state = 0x6, avx512_state = 0xE6; /* SSE+AVX; opmask, ZMM upper halves, ZMM16-31 */

int nw_cpu_levels(void)
{
    unsigned l1[4], l7[4], ext[4];
    query(1, 0, l1);
    query(7, 0, l7);
    query(0x80000001u, 0, ext);
    unsigned ecx1 = l1[2], ebx7 = l7[1], ecx_ext = ext[2];
    uint64_t xcr0 = enabled_state();
    int v2 = BIT(ecx1, 0) && BIT(ecx1, 9) && BIT(ecx1, 13) && BIT(ecx1, 19) && BIT(ecx1, 20) && BIT(ecx1, 23) && BIT(ecx_ext, 0);
    int v3 = v2 && BIT(ecx1, 27) && (xcr0 & avx_state) == avx_state && BIT(ecx1, 28) && BIT(ebx7, 5) && BIT(ebx7, 3)
             && BIT(ebx7, 8) && BIT(ecx1, 12) && BIT(ecx_ext, 5) && BIT(ecx1, 22) && BIT(ecx1, 29) && BIT(ecx1, 26);
    int v4 = v3 && (xcr0 & avx512_state) == avx512_state && BIT(ebx7, 16) && BIT(ebx7, 17) && BIT(ebx7, 28) && BIT(ebx7, 30)
             && BIT(ebx7, 31);
    return (v2 ? 1 : 0) | (v3 ? 2 : 0) | (v4 ? 4 : 0);
}

void nw_cpu_fingerprint(char out[17])
{
    static const unsigned leaves[][2] = { { 0, 0 }, { 1, 0 }, { 7, 0 }, { 7, 1 }, { 0xD, 1 }, { 0x80000001u, 0 } };
    uint8_t words[6 * 16 + 1];
    for (int i = 0; i < 6; i++) {
        unsigned w[4];
        query(leaves[i][0], leaves[i][1], w);
        if (leaves[i][0] == 1) w[1] &= 0xFFFF; /* leaf 1 EBX: keep the stable low bytes, not the core's APIC id */
        for (int r = 0; r < 4; r++)
            for (int b = 0; b < 4; b++) words[i * 16 + r * 4 + b] = (uint8_t)(w[r] >> (8 * b));
    }
    uint64_t xcr0 = enabled_state();
    words[6 * 16] = (uint8_t)(((xcr0 & avx_state) == avx_state ? 1 : 0) | ((xcr0 & avx512_state) == avx512_state ? 2 : 0));
    nw_sha256 h;
    uint8_t digest[32];
    char hex[65];
    nw_sha256_init(&h);
    nw_sha256_update(&h, words, sizeof words);
    nw_sha256_final(&h, digest);
    nw_hex(digest, 32, hex);
    for (int i = 0; i < 16; i++) out[i] = hex[i];
    out[16] = 0;
}
