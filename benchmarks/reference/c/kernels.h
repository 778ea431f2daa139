/* The benchmark kernels in C, written as the C# ones are (same loops, same operation order). */
#ifndef NUMBAWEAVER_BENCH_KERNELS_H
#define NUMBAWEAVER_BENCH_KERNELS_H

double sum(const double *a, long n);
double dot(const double *a, const double *b, long n);
void triad(double *a, const double *b, const double *c, double s, long n);
void jacobi_flat(const double *src, double *dst, int n, int m);
void mandelbrot(int *counts, int h, int w, double x0, double y0, double step, int max_iter);
void nbody(const double *x, const double *y, const double *z, const double *m,
           double *ax, double *ay, double *az, int n, double eps2);
void pairwise(const double *p, double *d, int n, int k);
void black_scholes(const double *s, const double *x, const double *t, double r, double v,
                   double *call, double *put, long n);
void histogram(const double *values, long n, int *hist, int bins);
void matmul(const double *a, const double *b, double *c, int n, int p, int m);
void fir(const double *x, const double *h, double *y, long ny, int taps);
int add(int a, int b);

/* OpenMP versions (kernels_omp.c, built with -fopenmp). */
double dot_omp(const double *a, const double *b, long n);
void mandelbrot_omp(int *counts, int h, int w, double x0, double y0, double step, int max_iter);
void nbody_omp(const double *x, const double *y, const double *z, const double *m,
               double *ax, double *ay, double *az, int n, double eps2);

#endif
