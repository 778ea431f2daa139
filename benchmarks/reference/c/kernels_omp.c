/* The Prange kernels in C with OpenMP (clang -fopenmp): the sequential loops of kernels.c with the outer loop shared out. */
#include <math.h>
#include "kernels.h"

double dot_omp(const double *a, const double *b, long n) {
    double s = 0;
#pragma omp parallel for reduction(+ : s)
    for (long i = 0; i < n; i++) s += a[i] * b[i];
    return s;
}

/* Dynamic schedule: rows differ in cost, and the .NET and Numba runtimes balance them too. */
void mandelbrot_omp(int *counts, int h, int w, double x0, double y0, double step, int max_iter) {
#pragma omp parallel for schedule(dynamic, 8)
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            double cr = x0 + x * step, ci = y0 + y * step, zr = 0, zi = 0;
            int n = 0;
            while (n < max_iter && zr * zr + zi * zi <= 4.0) {
                double t = zr * zr - zi * zi + cr;
                zi = 2.0 * zr * zi + ci;
                zr = t;
                n++;
            }
            counts[y * w + x] = n;
        }
}

void nbody_omp(const double *x, const double *y, const double *z, const double *m,
               double *ax, double *ay, double *az, int n, double eps2) {
#pragma omp parallel for
    for (int i = 0; i < n; i++) {
        double sx = 0, sy = 0, sz = 0;
        for (int j = 0; j < n; j++) {
            double dx = x[j] - x[i], dy = y[j] - y[i], dz = z[j] - z[i];
            double inv = 1.0 / sqrt(dx * dx + dy * dy + dz * dz + eps2);
            double f = m[j] * inv * inv * inv;
            sx += f * dx; sy += f * dy; sz += f * dz;
        }
        ax[i] = sx; ay[i] = sy; az[i] = sz;
    }
}
