"""The benchmark kernels as a Numba user writes them: the same loops as the C# ones, plain Python (prange for the parallel ones)."""
import math

from numba import prange


def sum_(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s


def dot(a, b):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i] * b[i]
    return s


def triad(a, b, c, s):
    for i in range(a.shape[0]):
        a[i] = b[i] + s * c[i]


def jacobi2d(src, dst):
    n, m = src.shape
    for i in range(1, n - 1):
        for j in range(1, m - 1):
            dst[i, j] = 0.2 * (src[i, j] + src[i - 1, j] + src[i + 1, j] + src[i, j - 1] + src[i, j + 1])


def jacobi_flat(src, dst, n, m):
    for i in range(1, n - 1):
        for j in range(1, m - 1):
            k = i * m + j
            dst[k] = 0.2 * (src[k] + src[k - m] + src[k + m] + src[k - 1] + src[k + 1])


def mandelbrot(counts, x0, y0, step, max_iter):
    h, w = counts.shape
    for y in range(h):
        for x in range(w):
            cr = x0 + x * step
            ci = y0 + y * step
            zr = 0.0
            zi = 0.0
            n = 0
            while n < max_iter and zr * zr + zi * zi <= 4.0:
                t = zr * zr - zi * zi + cr
                zi = 2.0 * zr * zi + ci
                zr = t
                n += 1
            counts[y, x] = n


def nbody(x, y, z, m, ax, ay, az, eps2):
    n = x.shape[0]
    for i in range(n):
        sx = 0.0
        sy = 0.0
        sz = 0.0
        for j in range(n):
            dx = x[j] - x[i]
            dy = y[j] - y[i]
            dz = z[j] - z[i]
            inv = 1.0 / math.sqrt(dx * dx + dy * dy + dz * dz + eps2)
            f = m[j] * inv * inv * inv
            sx += f * dx
            sy += f * dy
            sz += f * dz
        ax[i] = sx
        ay[i] = sy
        az[i] = sz


def pairwise(p, d):
    n, k = p.shape
    for i in range(n):
        for j in range(n):
            s = 0.0
            for c in range(k):
                t = p[i, c] - p[j, c]
                s += t * t
            d[i, j] = math.sqrt(s)


A1, A2, A3, A4, A5 = 0.31938153, -0.356563782, 1.781477937, -1.821255978, 1.330274429
RSQRT2PI = 0.39894228040143267793994605993438


def cnd(d):
    k = 1.0 / (1.0 + 0.2316419 * abs(d))
    r = RSQRT2PI * math.exp(-0.5 * d * d) * (k * (A1 + k * (A2 + k * (A3 + k * (A4 + k * A5)))))
    return 1.0 - r if d > 0 else r


def make_black_scholes(cnd_compiled):
    """Black-Scholes calling the compiled cnd of the same flavour (strict or fastmath)."""
    def black_scholes(s, x, t, r, v, call, put):
        for i in range(s.shape[0]):
            sqrt_t = math.sqrt(t[i])
            d1 = (math.log(s[i] / x[i]) + (r + 0.5 * v * v) * t[i]) / (v * sqrt_t)
            d2 = d1 - v * sqrt_t
            c1 = cnd_compiled(d1)
            c2 = cnd_compiled(d2)
            e = math.exp(-r * t[i])
            call[i] = s[i] * c1 - x[i] * e * c2
            put[i] = x[i] * e * (1.0 - c2) - s[i] * (1.0 - c1)
    return black_scholes


def histogram(values, hist):
    for b in range(hist.shape[0]):
        hist[b] = 0
    bins = hist.shape[0]
    for i in range(values.shape[0]):
        hist[int(values[i] * bins)] += 1


def matmul(a, b, c):
    n, p = a.shape
    m = b.shape[1]
    for i in range(n):
        for j in range(m):
            c[i, j] = 0.0
    for i in range(n):
        for k in range(p):
            aik = a[i, k]
            for j in range(m):
                c[i, j] += aik * b[k, j]


def fir(x, h, y):
    taps = h.shape[0]
    for i in range(y.shape[0]):
        s = 0.0
        for k in range(taps):
            s += h[k] * x[i + k]
        y[i] = s


def add(a, b):
    return a + b


# Prange versions for @njit(parallel=True): the sequential loops with the outer loop over prange.

def dot_prange(a, b):
    s = 0.0
    for i in prange(a.shape[0]):
        s += a[i] * b[i]
    return s


def mandelbrot_prange(counts, x0, y0, step, max_iter):
    h, w = counts.shape
    for y in prange(h):
        for x in range(w):
            cr = x0 + x * step
            ci = y0 + y * step
            zr = 0.0
            zi = 0.0
            n = 0
            while n < max_iter and zr * zr + zi * zi <= 4.0:
                t = zr * zr - zi * zi + cr
                zi = 2.0 * zr * zi + ci
                zr = t
                n += 1
            counts[y, x] = n


def nbody_prange(x, y, z, m, ax, ay, az, eps2):
    n = x.shape[0]
    for i in prange(n):
        sx = 0.0
        sy = 0.0
        sz = 0.0
        for j in range(n):
            dx = x[j] - x[i]
            dy = y[j] - y[i]
            dz = z[j] - z[i]
            inv = 1.0 / math.sqrt(dx * dx + dy * dy + dz * dz + eps2)
            f = m[j] * inv * inv * inv
            sx += f * dx
            sy += f * dy
            sz += f * dz
        ax[i] = sx
        ay[i] = sy
        az[i] = sz
