// System.Numerics in [Njit] code as numerical C# uses it: Vector2/3/4 physics and geometry, Complex iterations, ThrowIfNull guards.
using System;
using System.Numerics;
using NumbaWeaver;

namespace Kernels.Fixture;

public static class LanguageNumerics
{
    /// <summary>One explicit-Euler step of softened gravity over all pairs (positions and velocities updated in place).</summary>
    [Njit]
    public static float NBodyStep(Vector3[] positions, Vector3[] velocities, float[] masses, float dt, float softening)
    {
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(velocities);
        int n = positions.Length;
        for (int i = 0; i < n; i++)
        {
            Vector3 acceleration = Vector3.Zero;
            for (int j = 0; j < n; j++)
            {
                if (i == j) continue;
                Vector3 d = positions[j] - positions[i];
                float r2 = d.LengthSquared() + softening * softening;
                float inv = 1f / (r2 * MathF.Sqrt(r2));
                acceleration += masses[j] * inv * d;
            }
            velocities[i] += acceleration * dt;
        }
        float kinetic = 0f;
        for (int i = 0; i < n; i++)
        {
            positions[i] += velocities[i] * dt;
            kinetic += 0.5f * masses[i] * Vector3.Dot(velocities[i], velocities[i]);
        }
        return kinetic;
    }

    /// <summary>Distance along the ray to the nearest hit of a sphere, or -1 when it misses.</summary>
    [Njit]
    public static float RaySphere(Vector3 origin, Vector3 direction, Vector3 center, float radius)
    {
        Vector3 dir = Vector3.Normalize(direction);
        Vector3 oc = origin - center;
        float b = Vector3.Dot(oc, dir);
        float c = oc.LengthSquared() - radius * radius;
        float discriminant = b * b - c;
        if (discriminant < 0f) return -1f;
        float t = -b - MathF.Sqrt(discriminant);
        return t >= 0f ? t : -b + MathF.Sqrt(discriminant);
    }

    /// <summary>Rotates every point about a pivot by <paramref name="angle"/> radians.</summary>
    [Njit]
    public static void Rotate2D(Vector2[] points, Vector2 pivot, float angle)
    {
        float cos = MathF.Cos(angle), sin = MathF.Sin(angle);
        for (int i = 0; i < points.Length; i++)
        {
            Vector2 p = points[i] - pivot;
            points[i] = new Vector2(p.X * cos - p.Y * sin, p.X * sin + p.Y * cos) + pivot;
        }
    }

    /// <summary>Escape-time counts of a grid of points of the complex plane (z = z*z + c).</summary>
    [Njit]
    public static int Mandelbrot(int[] counts, int width, double x0, double y0, double step, int maxIterations)
    {
        int total = 0;
        for (int k = 0; k < counts.Length; k++)
        {
            var c = new Complex(x0 + (k % width) * step, y0 + (k / width) * step);
            Complex z = Complex.Zero;
            int iteration = 0;
            while (iteration < maxIterations && z.Real * z.Real + z.Imaginary * z.Imaginary <= 4.0)
            {
                z = z * z + c;
                iteration++;
            }
            counts[k] = iteration;
            total += iteration;
        }
        return total;
    }

    /// <summary>Horner evaluation of a polynomial with real coefficients (highest degree first) at a complex point.</summary>
    [Njit]
    public static Complex Polynomial(double[] coefficients, Complex z)
    {
        Complex sum = Complex.Zero;
        for (int i = 0; i < coefficients.Length; i++) sum = sum * z + coefficients[i];
        return sum;
    }

    /// <summary>Complex arithmetic beyond multiplication: conjugate, negation, i, parts, implicit doubles, equality.</summary>
    [Njit]
    public static Complex ComplexOps(Complex a, Complex b, double s)
    {
        Complex r = Complex.Conjugate(a) * b - (-a) * Complex.ImaginaryOne;
        r += s;
        r -= Complex.One;
        r = r * s / 2.0 + new Complex(r.Imaginary, r.Real);
        Complex fromDouble = s;
        if (a == b) r += fromDouble;
        if (a != b) r -= fromDouble;
        return r;
    }

    /// <summary>Complex.Exp (.NET: Math.Exp of the real part times Math.Cos and Math.Sin of the imaginary one).</summary>
    [Njit]
    public static Complex ComplexExp(Complex z) => Complex.Exp(z);

    /// <summary>Complex.Abs and the Magnitude property of each (re[k], im[k]) (.NET: double.Hypot).</summary>
    [Njit]
    public static void Magnitudes(double[] re, double[] im, double[] abs, double[] magnitude)
    {
        for (int k = 0; k < re.Length; k++)
        {
            var z = new Complex(re[k], im[k]);
            abs[k] = Complex.Abs(z);
            magnitude[k] = z.Magnitude;
        }
    }

    /// <summary>Complex.Sqrt of each (re[k], im[k]), parts written out.</summary>
    [Njit]
    public static void SquareRoots(double[] re, double[] im, double[] rootRe, double[] rootIm)
    {
        for (int k = 0; k < re.Length; k++)
        {
            var root = Complex.Sqrt(new Complex(re[k], im[k]));
            rootRe[k] = root.Real;
            rootIm[k] = root.Imaginary;
        }
    }

    /// <summary>Phase, Log, Log10, Sin, Cos and Tan of each (re[k], im[k]): 11 doubles per input.</summary>
    [Njit]
    public static void Transcendentals(double[] re, double[] im, double[] results)
    {
        for (int k = 0; k < re.Length; k++)
        {
            var z = new Complex(re[k], im[k]);
            int at = 11 * k;
            results[at] = z.Phase;
            Complex log = Complex.Log(z), log10 = Complex.Log10(z), sin = Complex.Sin(z), cos = Complex.Cos(z), tan = Complex.Tan(z);
            results[at + 1] = log.Real; results[at + 2] = log.Imaginary;
            results[at + 3] = log10.Real; results[at + 4] = log10.Imaginary;
            results[at + 5] = sin.Real; results[at + 6] = sin.Imaginary;
            results[at + 7] = cos.Real; results[at + 8] = cos.Imaginary;
            results[at + 9] = tan.Real; results[at + 10] = tan.Imaginary;
        }
    }

    /// <summary>FromPolarCoordinates(a, b) and Reciprocal(a + ib) (4 doubles), and IsFinite/IsInfinity/IsNaN (3 ints) per input.</summary>
    [Njit]
    public static void PolarReciprocalClasses(double[] a, double[] b, double[] results, int[] classes)
    {
        for (int k = 0; k < a.Length; k++)
        {
            var polar = Complex.FromPolarCoordinates(a[k], b[k]);
            var z = new Complex(a[k], b[k]);
            var reciprocal = Complex.Reciprocal(z);
            results[4 * k] = polar.Real; results[4 * k + 1] = polar.Imaginary;
            results[4 * k + 2] = reciprocal.Real; results[4 * k + 3] = reciprocal.Imaginary;
            classes[3 * k] = Complex.IsFinite(z) ? 1 : 0;
            classes[3 * k + 1] = Complex.IsInfinity(z) ? 1 : 0;
            classes[3 * k + 2] = Complex.IsNaN(z) ? 1 : 0;
        }
    }

    /// <summary>The sum of exp(re[k] + i im[k]).</summary>
    [Njit]
    public static Complex ExpSum(double[] re, double[] im)
    {
        Complex sum = Complex.Zero;
        for (int k = 0; k < re.Length; k++) sum += Complex.Exp(new Complex(re[k], im[k]));
        return sum;
    }

    /// <summary>Normalizes every vector in place.</summary>
    [Njit]
    public static void NormalizeAll(Vector3[] vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        for (int i = 0; i < vectors.Length; i++) vectors[i] = Vector3.Normalize(vectors[i]);
    }

    /// <summary>The mean of the points (vector divided by a count).</summary>
    [Njit]
    public static Vector3 Centroid(Vector3[] points)
    {
        var sum = new Vector3(0f);
        foreach (var p in points) sum += p;
        return sum / points.Length;
    }

    /// <summary>The element-wise helpers and products of Vector3 in one expression chain.</summary>
    [Njit]
    public static Vector3 VectorOps(Vector3 a, Vector3 b, float s)
    {
        Vector3 cross = Vector3.Cross(a, b);
        Vector3 lerp = Vector3.Lerp(a, b, 0.25f);
        Vector3 clamped = Vector3.Clamp(cross, -Vector3.One, new Vector3(2f, 3f, 4f));
        Vector3 r = Vector3.Min(a, b) * s + Vector3.Max(a, b) / s - Vector3.Abs(lerp) + s * clamped;
        r = r * (a / new Vector3(1f, 2f, 4f)) - Vector3.UnitX * Vector3.Distance(a, b) + Vector3.UnitY * Vector3.DistanceSquared(a, b);
        r.Z += Vector3.UnitZ.Z * a.Length();
        return -r;
    }

    /// <summary>Distances between matching points of two arrays, written into the output.</summary>
    [Njit]
    public static float Distances(Vector3[] a, Vector3[] b, float[] distances)
    {
        float longest = 0f;
        for (int i = 0; i < distances.Length; i++)
        {
            distances[i] = Vector3.Distance(a[i], b[i]);
            longest = MathF.Max(longest, distances[i]);
        }
        return longest;
    }

    /// <summary>Vector4 and Vector2 built from smaller vectors, with Dot and Length.</summary>
    [Njit]
    public static float Vector4Blend(Vector4[] xs, Vector3 axis, float w)
    {
        var weights = new Vector4(axis, w);
        float sum = 0f;
        for (int i = 0; i < xs.Length; i++)
        {
            sum += Vector4.Dot(xs[i], weights) + xs[i].Length();
            var v2 = new Vector2(xs[i].X, xs[i].W);
            var v3 = new Vector3(v2, xs[i].Z);
            sum += Vector2.Dot(v2, Vector2.One) + v3.Length() + Vector2.Distance(v2, Vector2.UnitY);
        }
        return sum;
    }

    /// <summary>Counts equalities of vectors against the named constants.</summary>
    [Njit]
    public static int VectorEquality(Vector3[] vectors, Vector3 probe)
    {
        int count = 0;
        for (int i = 0; i < vectors.Length; i++)
        {
            if (vectors[i] == probe) count += 1;
            if (vectors[i] != Vector3.Zero) count += 10;
            if (vectors[i] == Vector3.One || vectors[i] == Vector3.UnitX || vectors[i] == Vector3.UnitY) count += 100;
        }
        return count;
    }

    /// <summary>ThrowIfNull guards on array parameters before a plain reduction.</summary>
    [Njit]
    public static double GuardedDot(double[] xs, double[] ys)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        double sum = 0;
        for (int i = 0; i < xs.Length; i++) sum += xs[i] * ys[i];
        return sum;
    }

    /// <summary>A user struct holding System.Numerics vectors, in an array.</summary>
    public struct Body
    {
        public Vector3 Position;
        public Vector3 Velocity;
        public float Mass;
    }

    /// <summary>Advances bodies by their velocity and returns the total momentum.</summary>
    [Njit]
    public static Vector3 Advance(Body[] bodies, float dt)
    {
        Vector3 momentum = default;
        for (int i = 0; i < bodies.Length; i++)
        {
            bodies[i].Position += bodies[i].Velocity * dt;
            momentum += bodies[i].Mass * bodies[i].Velocity;
        }
        return momentum;
    }
}
