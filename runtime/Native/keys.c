/* The parts of cache keys and folders that depend on the machine and the assembly, as the managed runtime computes them:
   the libLLVM this process would load (runtime/Llvm/LlvmLibrary.Fingerprint.cs) and an assembly's cache folder
   (runtime/Cache/NumbaCache.cs). Tests hold each equal to its managed counterpart. */
#include "native_hit.h"
#include "sha256.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* LlvmLibrary's LinuxNames and LinuxFolders, in its order. */
static const char *const llvm_names[] = {
    "libLLVM.so.19.1", "libLLVM-19.so", "libLLVM-19.so.1", "libLLVM.so.18.1", "libLLVM-18.so", "libLLVM-18.so.1",
    "libLLVM-17.so.1", "libLLVM-17.so", "libLLVM-16.so.1", "libLLVM-16.so", "libLLVM-15.so.1", "libLLVM-15.so",
};
static const char *const llvm_folders[] = {
    "/usr/lib/llvm-19/lib", "/usr/lib/llvm-18/lib", "/usr/lib/llvm-17/lib", "/usr/lib/llvm-16/lib", "/usr/lib/llvm-15/lib",
};
static const char *const system_folders[] = { "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/lib" };
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* folder/name as DiskCache.Join (and Path.Combine for a relative name) write it. */
static int join(char *out, size_t size, const char *folder, size_t folder_length, const char *name)
{
    const char *separator = folder_length == 0 || folder[folder_length - 1] == '/' ? "" : "/";
    int n = snprintf(out, size, "%.*s%s%s", (int)folder_length, folder, separator, name);
    return n >= 0 && (size_t)n < size;
}

/* NativeFiles.Status.Identity of the file, when stat succeeds. */
static int identity(const char *path, char *out, size_t size)
{
    struct stat s;
    if (stat(path, &s) != 0) return 0;
    int n = snprintf(out, size, "%016llx:%016llx:%016llx:%016llx.%08llx", (unsigned long long)s.st_dev, (unsigned long long)s.st_ino,
                     (unsigned long long)s.st_size, (unsigned long long)s.st_mtim.tv_sec, (unsigned long long)s.st_mtim.tv_nsec & 0xFFFFFFFFull);
    return n >= 0 && (size_t)n < size;
}

int nw_is_folder(const char *path)
{
    struct stat s;
    return stat(path, &s) == 0 && S_ISDIR(s.st_mode);
}

int nw_llvm_fingerprint(char *out, size_t size)
{
    char path[4096];
    const char *override = getenv("NUMBA_LLVM_PATH");
    if (override && *override) {
        if (!nw_is_folder(override)) return identity(override, out, size) || snprintf(out, size, "none") > 0;
        for (size_t i = 0; i < COUNT(llvm_names); i++)
            if (join(path, sizeof path, override, strlen(override), llvm_names[i]) && identity(path, out, size)) return 1;
        return snprintf(out, size, "none") > 0;
    }
    /* Every name in each folder of LD_LIBRARY_PATH, then the system folders; then the -dev packages' unversioned links. */
    const char *library_path = getenv("LD_LIBRARY_PATH");
    for (size_t i = 0; i < COUNT(llvm_names); i++) {
        for (const char *at = library_path ? library_path : ""; *at;) {
            const char *end = strchr(at, ':');
            size_t length = end ? (size_t)(end - at) : strlen(at);
            if (length > 0 && join(path, sizeof path, at, length, llvm_names[i]) && identity(path, out, size)) return 1;
            at += length + (end ? 1 : 0);
        }
        for (size_t f = 0; f < COUNT(system_folders); f++)
            if (join(path, sizeof path, system_folders[f], strlen(system_folders[f]), llvm_names[i]) && identity(path, out, size)) return 1;
    }
    for (size_t f = 0; f < COUNT(llvm_folders); f++)
        if (join(path, sizeof path, llvm_folders[f], strlen(llvm_folders[f]), "libLLVM.so") && identity(path, out, size)) return 1;
    return snprintf(out, size, "none") > 0;
}

int nw_cache_folder(const char *root, const char *full_name, char *out, size_t size)
{
    /* <root>/<simple name>-<version>-<first 12 hex digits of SHA-256 of the display name> */
    static const char marker[] = ", Version=";
    const char *version_at = strstr(full_name, marker);
    size_t simple = version_at ? (size_t)(version_at - full_name) : strlen(full_name);
    const char *version = "0.0.0.0";
    size_t version_length = 7;
    if (version_at) {
        version = version_at + sizeof marker - 1;
        const char *comma = strchr(version, ',');
        version_length = comma ? (size_t)(comma - version) : strlen(version);
    }
    uint8_t digest[32];
    char hex[65];
    nw_sha256 h;
    nw_sha256_init(&h);
    nw_sha256_update(&h, full_name, strlen(full_name));
    nw_sha256_final(&h, digest);
    nw_hex(digest, 32, hex);
    char name[1024];
    int n = snprintf(name, sizeof name, "%.*s-%.*s-%.12s", (int)simple, full_name, (int)version_length, version, hex);
    return n >= 0 && (size_t)n < sizeof name && join(out, size, root, strlen(root), name);
}
