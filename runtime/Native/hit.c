/* libnumbaweaver_native: the hit path of a cached or precompiled [Njit] entry in one native call (docs/cache.md,
   "The native hit path"). The managed runtime (runtime/Cache/NativeHit.cs) passes the entry's folder, its key text
   around the CPU-dependent part, and its symbol; this picks the CPU's variant, reads and validates the entry file
   and links its object. It never reports or repairs anything: whatever is not a clean hit or a clean miss is
   NW_DEFER, and the managed path (the reference implementation) does the whole lookup again with its diagnostics. */
#include "native_hit.h"
#include "sha256.h"
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { mode_precompiled = 0, mode_cached = 1, max_path = 4096, max_entry = 64 << 20 };

/* Entries linked in this process, by file path (the path holds the key): each is linked once. */
typedef struct linked { struct linked *next; void *address; char path[]; } linked;
static linked *linked_entries;
static pthread_mutex_t linked_lock = PTHREAD_MUTEX_INITIALIZER;
static int hits[2];

/* The lookups carry the ABI version in their names (_v2): a library of another version lacks them, and the managed side
   then serves every entry itself. Bump it when the signature or meaning of an export changes. */
EXPORT int numbaweaver_native_abi(void) { return 3; }

/* What the key texts use, for the tests that hold them equal to the managed CpuIdentity's (and see keys.c). */
EXPORT int numbaweaver_native_cpu_levels(void) { return nw_cpu_levels(); }
EXPORT void numbaweaver_native_cpu_fingerprint(char out[17]) { nw_cpu_fingerprint(out); }

/* Entries served by this library so far: mode 0 precompiled, 1 disk cache. */
EXPORT int numbaweaver_native_hits(int mode) { return mode == mode_cached || mode == mode_precompiled ? __atomic_load_n(&hits[mode], __ATOMIC_RELAXED) : 0; }

/* Reads a whole regular file; NW_MISS when it does not exist, NW_DEFER on any other problem. */
static int read_file(const char *path, uint8_t **bytes, size_t *size)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return NW_MISS;
    struct stat s;
    int result = NW_DEFER;
    if (fstat(fd, &s) == 0 && S_ISREG(s.st_mode) && s.st_size > 0 && s.st_size <= max_entry) {
        uint8_t *buffer = malloc((size_t)s.st_size);
        size_t done = 0;
        while (buffer && done < (size_t)s.st_size) {
            ssize_t n = read(fd, buffer + done, (size_t)s.st_size - done);
            if (n <= 0) break;
            done += (size_t)n;
        }
        if (buffer && done == (size_t)s.st_size) {
            *bytes = buffer;
            *size = done;
            result = NW_HIT;
        } else {
            free(buffer);
        }
    }
    close(fd);
    return result;
}

static int join(char *out, const char *a, const char *b, const char *c)
{
    size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
    if (la + lb + lc + 1 > max_path) return 0;
    memcpy(out, a, la);
    memcpy(out + la, b, lb);
    memcpy(out + la + lb, c, lc + 1);
    return 1;
}

/* The entry <folder>/<key>.nwc, key = SHA-256 of head + variable + tail; NW_HIT sets *address. */
/* Counted once per entry linked, as the managed path counts once per entry (a racing second caller finds it linked). */
static int load(int mode, const char *folder, const char *head, const char *variable, const char *tail, const char *symbol,
                nw_runtime_symbols runtime, void **address)
{
    uint8_t key[32];
    char hex[65], path[max_path];
    nw_sha256 h;
    nw_sha256_init(&h);
    nw_sha256_update(&h, head, strlen(head));
    nw_sha256_update(&h, variable, strlen(variable));
    nw_sha256_update(&h, tail, strlen(tail));
    nw_sha256_final(&h, key);
    nw_hex(key, 32, hex);
    if (!join(path, folder, "/", hex) || strlen(path) + 5 > max_path) return NW_DEFER;
    strcat(path, ".nwc");

    pthread_mutex_lock(&linked_lock);
    int result = NW_DEFER;
    for (linked *l = linked_entries; l; l = l->next)
        if (strcmp(l->path, path) == 0) {
            *address = l->address;
            result = NW_HIT;
            goto done;
        }
    uint8_t *bytes = NULL;
    size_t size = 0;
    result = read_file(path, &bytes, &size);
    if (result != NW_HIT) goto done;
    /* A folder other users may write to could hold planted code: the managed path refuses it with a warning. */
    struct stat s;
    const uint8_t *object = NULL;
    size_t object_size = 0;
    result = NW_DEFER;
    if (stat(folder, &s) == 0 && (s.st_mode & 022) == 0
        && nw_entry_object(bytes, size, key, symbol, &object, &object_size) == NW_HIT)
        result = nw_elf_load(object, object_size, symbol, runtime, address);
    free(bytes);
    if (result == NW_HIT) {
        __atomic_add_fetch(&hits[mode], 1, __ATOMIC_RELAXED);
        linked *l = malloc(sizeof *l + strlen(path) + 1);
        if (l) {
            strcpy(l->path, path);
            l->address = *address;
            l->next = linked_entries;
            linked_entries = l;
        }
    }
done:
    pthread_mutex_unlock(&linked_lock);
    return result;
}

/* Precompiled code: <root>/<level>/ for the best x86-64 level this CPU runs that the build produced, with the level
   name between head and tail in the key text; NW_MISS when there is no such folder or entry. runtime resolves the
   managed runtime's entry points; without it (NULL) an object that calls them answers NW_NEEDS_RUNTIME. */
int nw_precompiled(const char *root, const char *head, const char *tail, const char *symbol, nw_runtime_symbols runtime, void **address)
{
    static const char *const names[] = { "x86-64-v4", "x86-64-v3", "x86-64-v2", "x86-64" };
    int levels = nw_cpu_levels();
    int best = levels & 4 ? 0 : levels & 2 ? 1 : levels & 1 ? 2 : 3;
    char folder[max_path];
    for (int i = best; i < 4; i++) {
        if (!join(folder, root, "/", names[i])) return NW_DEFER;
        if (!nw_is_folder(folder)) continue;
        return load(mode_precompiled, folder, head, names[i], tail, symbol, runtime, address);
    }
    return NW_MISS;
}

/* The host's parts of a disk cache key, computed once: the CPU's fingerprint, then " llvm " and libLLVM's. */
static char host_part[17 + 6 + 256];
static void compute_host_part(void)
{
    char llvm[200];
    nw_cpu_fingerprint(host_part);
    if (!nw_llvm_fingerprint(llvm, sizeof llvm)) strcpy(llvm, "none");
    strcat(host_part, " llvm ");
    strcat(host_part, llvm);
}

/* The disk cache: <root>/<the assembly's folder>/<key>.nwc, with the host's CPU and libLLVM fingerprints between head
   and tail in the key text (CacheKey.HostTarget); runtime as for numbaweaver_native_precompiled_v2. */
int nw_cached(const char *root, const char *assembly, const char *head, const char *tail, const char *symbol,
              nw_runtime_symbols runtime, void **address)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, compute_host_part);
    char folder[max_path];
    if (!nw_cache_folder(root, assembly, folder, sizeof folder)) return NW_DEFER;
    return load(mode_cached, folder, head, host_part, tail, symbol, runtime, address);
}

/* The lookups by key text (the tests call them; numbaweaver_native_resolve_v3 in request.c builds the texts itself). */
EXPORT int numbaweaver_native_precompiled_v2(const char *root, const char *head, const char *tail, const char *symbol,
                                             nw_runtime_symbols runtime, void **address)
{
    return nw_precompiled(root, head, tail, symbol, runtime, address);
}
EXPORT int numbaweaver_native_cached_v2(const char *root, const char *assembly, const char *head, const char *tail, const char *symbol,
                                        nw_runtime_symbols runtime, void **address)
{
    return nw_cached(root, assembly, head, tail, symbol, runtime, address);
}

/* For the tests that hold these equal to the managed LlvmLibrary.Fingerprint and NumbaCache.FolderFor. */
EXPORT int numbaweaver_native_llvm_fingerprint(char *out, int size) { return size > 0 && nw_llvm_fingerprint(out, (size_t)size); }
EXPORT int numbaweaver_native_cache_folder(const char *root, const char *assembly, char *out, int size)
{
    return size > 0 && nw_cache_folder(root, assembly, out, (size_t)size);
}
