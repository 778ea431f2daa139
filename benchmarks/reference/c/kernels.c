/* The benchmark kernels in C: the same loops as the C# files in benchmarks/Kernels, compiled by clang -O3 -march=native. */
#include <math.h>
#include "kernels.h"

double sum(const double *a, long n) {
    double s = 0;
    for (long i = 0; i < n; i++) s += a[i];
    return s;
}

double dot(const double *a, const double *b, long n) {
    double s = 0;
    for (long i = 0; i < n; i++) s += a[i] * b[i];
    return s;
}

void triad(double *a, const double *b, const double *c, double s, long n) {
    for (long i = 0; i < n; i++) a[i] = b[i] + s * c[i];
}

/* The C# double[,] and flat versions are the same loop in C. */
void jacobi_flat(const double *src, double *dst, int n, int m) {
    for (int i = 1; i < n - 1; i++)
        for (int j = 1; j < m - 1; j++) {
            int k = i * m + j;
            dst[k] = 0.2 * (src[k] + src[k - m] + src[k + m] + src[k - 1] + src[k + 1]);
        }
}

void mandelbrot(int *counts, int h, int w, double x0, double y0, double step, int max_iter) {
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

void nbody(const double *x, const double *y, const double *z, const double *m,
           double *ax, double *ay, double *az, int n, double eps2) {
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

void pairwise(const double *p, double *d, int n, int k) {
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int c = 0; c < k; c++) {
                double t = p[i * k + c] - p[j * k + c];
                s += t * t;
            }
            d[i * n + j] = sqrt(s);
        }
}

static double cnd(double d) {
    const double A1 = 0.31938153, A2 = -0.356563782, A3 = 1.781477937, A4 = -1.821255978, A5 = 1.330274429;
    const double RSQRT2PI = 0.39894228040143267793994605993438;
    double k = 1.0 / (1.0 + 0.2316419 * fabs(d));
    double r = RSQRT2PI * exp(-0.5 * d * d) * (k * (A1 + k * (A2 + k * (A3 + k * (A4 + k * A5)))));
    return d > 0 ? 1.0 - r : r;
}

void black_scholes(const double *s, const double *x, const double *t, double r, double v,
                   double *call, double *put, long n) {
    for (long i = 0; i < n; i++) {
        double sqrt_t = sqrt(t[i]);
        double d1 = (log(s[i] / x[i]) + (r + 0.5 * v * v) * t[i]) / (v * sqrt_t);
        double d2 = d1 - v * sqrt_t;
        double c1 = cnd(d1), c2 = cnd(d2);
        double e = exp(-r * t[i]);
        call[i] = s[i] * c1 - x[i] * e * c2;
        put[i] = x[i] * e * (1.0 - c2) - s[i] * (1.0 - c1);
    }
}

void histogram(const double *values, long n, int *hist, int bins) {
    for (int b = 0; b < bins; b++) hist[b] = 0;
    for (long i = 0; i < n; i++) hist[(int)(values[i] * bins)]++;
}

void matmul(const double *a, const double *b, double *c, int n, int p, int m) {
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++) c[i * m + j] = 0;
    for (int i = 0; i < n; i++)
        for (int k = 0; k < p; k++) {
            double aik = a[i * p + k];
            for (int j = 0; j < m; j++) c[i * m + j] += aik * b[k * m + j];
        }
}

void fir(const double *x, const double *h, double *y, long ny, int taps) {
    for (long i = 0; i < ny; i++) {
        double s = 0;
        for (int k = 0; k < taps; k++) s += h[k] * x[i + k];
        y[i] = s;
    }
}

int add(int a, int b) { return a + b; }
