/* Internal declarations of the native hit path (libnumbaweaver_native.so); the exported API is in hit.c. */
#ifndef NUMBAWEAVER_NATIVE_HIT_H
#define NUMBAWEAVER_NATIVE_HIT_H
#include <stddef.h>
#include <stdint.h>

/* Outcomes, as the managed side (runtime/Cache/NativeHit.cs) reads them. */
enum {
    NW_HIT = 1,    /* the entry was read, validated and linked: the address is the method's */
    NW_MISS = 0,   /* no entry file (or no precompiled variant for this CPU): look elsewhere or compile */
    NW_DEFER = -1, /* anything else (bad entry, unsafe folder, an unsupported relocation, a symbol nobody
                      defines): the managed path decides, reports and recovers */
    NW_NEEDS_RUNTIME = -2, /* the object calls the managed runtime's own entry points (numbaweaver_*): ask again
                              with a resolver for them */
    NW_CALLS_OTHERS = -3,  /* the entry calls other assemblies' [Njit] methods: its key needs their index lines, which
                              the managed side reads (NativeHit.TryResolveCallingOthers) */
    NW_NEEDS_CACHE_ROOT = -4, /* the entry may be in the disk cache: ask again with the cache root */
};

/* Only the numbaweaver_native_* functions are exported (the library is built with -fvisibility=hidden). */
#define EXPORT __attribute__((visibility("default")))

/* Resolves one of the managed runtime's entry points (numbaweaver_parallel_for, numbaweaver_raise, ...); NULL if unknown. */
typedef void *(*nw_runtime_symbols)(const char *name);

/* Little-endian fields of entry files and ELF objects (the callers range-check the offsets). */
static inline uint16_t nw_u16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static inline uint32_t nw_u32(const uint8_t *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24; }
static inline uint64_t nw_u64(const uint8_t *p) { return (uint64_t)nw_u32(p) | (uint64_t)nw_u32(p + 4) << 32; }

/* Whether path names a folder (stat follows links). */
int nw_is_folder(const char *path);

/* CPU (cpu.c): the x86-64 psABI levels this CPU and OS run, as bits (1: v2, 2: v3, 4: v4). */
int nw_cpu_levels(void);
/* The first 16 hex digits of SHA-256 over the CPUID words the managed CpuIdentity.CpuIdWords hashes. */
void nw_cpu_fingerprint(char out[17]);

/* Keys and folders (keys.c): the libLLVM fingerprint LlvmLibrary.Fingerprint computes ("none" without one), and the
   cache folder NumbaCache.FolderFor names for an assembly's display name under root; 0 when out is too small. */
int nw_llvm_fingerprint(char *out, size_t size);
int nw_cache_folder(const char *root, const char *full_name, char *out, size_t size);

/* Entry files (entry.c): validates a whole file against its expected key and symbol; on success *object and
   *object_size point into bytes. Mirrors runtime/Cache/CacheEntryFile.cs. */
int nw_entry_object(const uint8_t *bytes, size_t size, const uint8_t key[32], const char *symbol,
                    const uint8_t **object, size_t *object_size);

/* ELF loader (elf_load.c): links an x86-64 relocatable object into fresh executable memory and returns
   NW_HIT with the address of global symbol; NW_NEEDS_RUNTIME when it calls numbaweaver_* and runtime is NULL;
   else NW_DEFER. Mirrors runtime/Cache/ObjectLoader.cs. */
int nw_elf_load(const uint8_t *object, size_t size, const char *symbol, nw_runtime_symbols runtime, void **address);
/* The lookups (hit.c). nw_precompiled: <root>/<level>/ for the best x86-64 level this CPU runs that the build produced,
   with the level name between head and tail in the key text. nw_cached: the assembly's folder under the disk cache
   root, with the CPU's and libLLVM's fingerprints between head and tail. NW_MISS when there is no such entry. */
int nw_precompiled(const char *root, const char *head, const char *tail, const char *symbol, nw_runtime_symbols runtime, void **address);
int nw_cached(const char *root, const char *assembly, const char *head, const char *tail, const char *symbol,
              nw_runtime_symbols runtime, void **address);
#endif
