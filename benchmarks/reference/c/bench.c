/* Times each C kernel in this process (one warm-up, then repeated runs) and prints JSON lines. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "kernels.h"

static const char *impl;

/* The generator every implementation shares (see benchmarks/Kernels/Inputs.cs). */
static double *uniform(long n, uint64_t seed, double lo, double hi) {
    double *a = malloc(n * sizeof(double));
    uint64_t s = seed;
    for (long i = 0; i < n; i++) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        a[i] = lo + (hi - lo) * ((double)(s >> 11) * (1.0 / 9007199254740992.0));
    }
    return a;
}

static double checksum(const double *a, long n) {
    double s = 0;
    for (long i = 0; i < n; i++) s += a[i];
    return s;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double result; /* the scalar result of the last run, for reductions */

#define MAX_REPS 1000
/* Runs BODY once to warm up, then REPS times; prints min and median in milliseconds. */
#define TIME(KERNEL, REPS, BODY, CHECK)                                             \
    do {                                                                            \
        double times_[MAX_REPS];                                                         \
        BODY;                                                                       \
        for (int r = 0; r < (REPS); r++) {                                          \
            double t0_ = now();                                                      \
            BODY;                                                                   \
            times_[r] = now() - t0_;                                                      \
        }                                                                           \
        qsort(times_, (REPS), sizeof(double), cmp);                                      \
        printf("{\"kernel\":\"%s\",\"impl\":\"%s\",\"min_ms\":%.6f,\"median_ms\":%.6f,\"checksum\":%.17g}\n", \
               KERNEL, impl, times_[0] * 1e3, times_[(REPS) / 2] * 1e3, (double)(CHECK));     \
        fflush(stdout);                                                             \
    } while (0)

/* The OpenMP kernels on the inputs of their sequential rows (same kernel ids; the impl names the flags). */
static int run_parallel(void) {
    for (int big = 0; big < 2; big++) {
        long n = big ? 10000000 : 100000;
        int reps = big ? 15 : 400;
        double *a = uniform(n, 1, 0, 1), *b = uniform(n, 2, 0, 1);
        TIME(big ? "dot_1e7" : "dot_1e5", reps, result = dot_omp(a, b, n), result);
        free(a); free(b);
    }
    {
        int *counts = calloc(1000 * 1000, sizeof(int));
        double total = 0;
        TIME("mandelbrot_1000", 7, mandelbrot_omp(counts, 1000, 1000, -2.0, -1.5, 3.0 / 1000, 100),
             (total = 0, ({ for (int i = 0; i < 1000 * 1000; i++) total += counts[i]; }), total));
        free(counts);
    }
    {
        int n = 2000;
        double *x = uniform(n, 4, 0, 1), *y = uniform(n, 5, 0, 1), *z = uniform(n, 6, 0, 1), *m = uniform(n, 7, 0, 1);
        double *ax = calloc(n, 8), *ay = calloc(n, 8), *az = calloc(n, 8);
        TIME("nbody_2000", 7, nbody_omp(x, y, z, m, ax, ay, az, n, 1e-3), checksum(ax, n) + checksum(ay, n) + checksum(az, n));
    }
    return 0;
}

/* argv[1]: the impl name to report; argv[2] "parallel": only the OpenMP kernels. */
int main(int argc, char **argv) {
    impl = argc > 1 ? argv[1] : "clang";
    if (argc > 2 && strcmp(argv[2], "parallel") == 0) return run_parallel();

    for (int big = 0; big < 2; big++) {
        long n = big ? 10000000 : 100000;
        int reps = big ? 15 : 400;
        double *a = uniform(n, 1, 0, 1), *b = uniform(n, 2, 0, 1);
        TIME(big ? "sum_1e7" : "sum_1e5", reps, result = sum(a, n), result);
        TIME(big ? "dot_1e7" : "dot_1e5", reps, result = dot(a, b, n), result);
        if (big) {
            double *out = calloc(n, sizeof(double));
            TIME("triad_1e7", reps, triad(out, a, b, 3.0, n), checksum(out, n));
            free(out);
        }
        free(a); free(b);
    }
    {
        int n = 2000;
        double *src = uniform((long)n * n, 3, 0, 1), *dst = calloc((long)n * n, sizeof(double));
        TIME("jacobi2d_2000", 15, jacobi_flat(src, dst, n, n), checksum(dst, (long)n * n));
        TIME("jacobiflat_2000", 15, jacobi_flat(src, dst, n, n), checksum(dst, (long)n * n));
        free(src); free(dst);
    }
    {
        int *counts = calloc(1000 * 1000, sizeof(int));
        double total = 0;
        TIME("mandelbrot_1000", 7, mandelbrot(counts, 1000, 1000, -2.0, -1.5, 3.0 / 1000, 100),
             (total = 0, ({ for (int i = 0; i < 1000 * 1000; i++) total += counts[i]; }), total));
        free(counts);
    }
    {
        int n = 2000;
        double *x = uniform(n, 4, 0, 1), *y = uniform(n, 5, 0, 1), *z = uniform(n, 6, 0, 1), *m = uniform(n, 7, 0, 1);
        double *ax = calloc(n, 8), *ay = calloc(n, 8), *az = calloc(n, 8);
        TIME("nbody_2000", 7, nbody(x, y, z, m, ax, ay, az, n, 1e-3), checksum(ax, n) + checksum(ay, n) + checksum(az, n));
    }
    {
        double *p = uniform(1000 * 3, 8, 0, 1), *d = calloc(1000 * 1000, 8);
        TIME("pairwise_1000x3", 10, pairwise(p, d, 1000, 3), checksum(d, 1000 * 1000));
    }
    {
        long n = 1000000;
        double *s = uniform(n, 9, 5, 30), *x = uniform(n, 10, 1, 100), *t = uniform(n, 11, 0.25, 10);
        double *call = calloc(n, 8), *put = calloc(n, 8);
        TIME("blackscholes_1e6", 10, black_scholes(s, x, t, 0.02, 0.30, call, put, n), checksum(call, n) + checksum(put, n));
    }
    {
        long n = 10000000;
        double *v = uniform(n, 12, 0, 1);
        int hist[256];
        double total = 0;
        TIME("histogram_1e7", 10, histogram(v, n, hist, 256),
             (total = 0, ({ for (int i = 0; i < 256; i++) total += (double)i * hist[i]; }), total));
    }
    {
        int n = 512;
        double *a = uniform(n * n, 13, 0, 1), *b = uniform(n * n, 14, 0, 1), *c = calloc(n * n, 8);
        TIME("matmul_512", 7, matmul(a, b, c, n, n, n), checksum(c, n * n));
    }
    {
        long n = 1000000;
        int taps = 64;
        double *x = uniform(n, 15, 0, 1), *h = uniform(taps, 16, 0, 1), *y = calloc(n - taps + 1, 8);
        TIME("fir_1e6x64", 10, fir(x, h, y, n - taps + 1, taps), checksum(y, n - taps + 1));
    }
    {
        /* add() lives in another translation unit: a real call, as a [Njit] stub's calli is. */
        const long calls = 100000000;
        volatile int sink = 0;
        TIME("call_add", 5, ({ int acc = 0; for (long i = 0; i < calls; i++) acc = add(acc, 1); sink = acc; }), (double)sink);
        (void)sink;
    }
    return 0;
}
