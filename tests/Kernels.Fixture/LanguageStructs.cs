// Structs and tuples as numerical C# uses them: vector math with operators, particles in arrays and spans, record structs, tuples.
using System;
using NumbaWeaver;

namespace Kernels.Fixture;

/// <summary>A 3-vector with operators, a property and instance methods.</summary>
public struct Vec3
{
    public double X;
    public double Y;
    public double Z;

    public Vec3(double x, double y, double z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    public readonly double Length => Math.Sqrt(Dot(this));

    public readonly double Dot(Vec3 other) => X * other.X + Y * other.Y + Z * other.Z;

    public readonly Vec3 Cross(in Vec3 b) => new(Y * b.Z - Z * b.Y, Z * b.X - X * b.Z, X * b.Y - Y * b.X);

    public void Scale(double s)
    {
        X *= s;
        Y *= s;
        Z *= s;
    }

    public static Vec3 operator +(Vec3 a, Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    public static Vec3 operator -(Vec3 a, Vec3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    public static Vec3 operator *(double s, Vec3 a) => new(s * a.X, s * a.Y, s * a.Z);

    public static Vec3 operator -(Vec3 a) => new(-a.X, -a.Y, -a.Z);
}

/// <summary>A particle: nested structs, an int and a bool (the layout test checks .NET agrees on offsets).</summary>
public struct Particle
{
    public Vec3 Position;
    public Vec3 Velocity;
    public double Mass;
    public int Id;
    public bool Alive;
}

/// <summary>An immutable complex number with an operator and properties.</summary>
public readonly struct Cplx
{
    public Cplx(double re, double im)
    {
        Re = re;
        Im = im;
    }

    public double Re { get; }

    public double Im { get; }

    public double Abs2 => Re * Re + Im * Im;

    public static Cplx operator *(Cplx a, Cplx b) => new(a.Re * b.Re - a.Im * b.Im, a.Re * b.Im + a.Im * b.Re);

    public static Cplx operator +(Cplx a, Cplx b) => new(a.Re + b.Re, a.Im + b.Im);
}

/// <summary>A positional record struct with a computed property.</summary>
public record struct Interval(double Lo, double Hi)
{
    public readonly double Width => Hi - Lo;

    public readonly bool Contains(double x) => x >= Lo && x <= Hi;
}

/// <summary>One particle of the 1-D particle filter.</summary>
public struct FilterParticle
{
    public double X;
    public double V;
    public double W;
}

public static class LanguageStructs
{
    [Njit]
    public static double VecLength(double x, double y, double z) => new Vec3(x, y, z).Length;

    [Njit]
    public static double VecOperators(double ax, double ay, double az, double bx, double by, double bz)
    {
        var a = new Vec3(ax, ay, az);
        var b = new Vec3(bx, by, bz);
        var c = 2.0 * (a + b) - a;
        return (-c).Dot(b) + a.Cross(b).Length;
    }

    [Njit]
    public static double CrossNorm(Vec3 a, Vec3 b) => a.Cross(b).Length;

    [Njit]
    public static Vec3 Reflect(Vec3 v, Vec3 n)
    {
        double d = 2 * v.Dot(n) / n.Dot(n);
        return v - d * n;
    }

    [Njit]
    public static double NormalizeInPlace(ref Vec3 v)
    {
        double length = v.Length;
        v.Scale(1 / length);
        return length;
    }

    [Njit]
    public static double DotIn(in Vec3 a, in Vec3 b) => a.X * b.X + a.Y * b.Y + a.Z * b.Z;

    /// <summary>Explicit Euler step over an array of particles, updated in place through element addresses.</summary>
    [Njit]
    public static int Integrate(Particle[] particles, double dt, double floor)
    {
        int alive = 0;
        for (int i = 0; i < particles.Length; i++)
        {
            ref Particle p = ref particles[i];
            if (!p.Alive) continue;
            p.Velocity.Z -= 9.81 * dt;
            p.Position += dt * p.Velocity;
            if (p.Position.Z < floor)
            {
                p.Alive = false;
                p.Position.Z = floor;
            }
            else
            {
                alive++;
            }
        }
        return alive;
    }

    [Njit]
    public static double KineticEnergy(Particle[] particles)
    {
        double e = 0;
        foreach (var p in particles)
            if (p.Alive) e += 0.5 * p.Mass * p.Velocity.Dot(p.Velocity);
        return e;
    }

    [Njit]
    public static void DampSpan(Span<Particle> particles, double factor)
    {
        for (int i = 0; i < particles.Length; i++) particles[i].Velocity.Scale(factor);
    }

    [Njit]
    public static void ScaleAll(Vec3[] vs, double s)
    {
        for (int i = 0; i < vs.Length; i++) vs[i] = s * vs[i];
    }

    [Njit]
    public static Vec3 Centroid(Vec3[] points)
    {
        var sum = default(Vec3);
        for (int i = 0; i < points.Length; i++) sum += points[i];
        return 1.0 / points.Length * sum;
    }

    [Njit]
    public static double Initialisers(double x, int id)
    {
        var p = default(Particle);
        p.Mass = x;
        var q = new Particle { Id = id, Mass = x * 2, Alive = id > 0, Velocity = new Vec3(x, 1, 2) };
        return p.Mass + q.Mass + q.Id + (q.Alive ? 1 : 0) + q.Velocity.Length + p.Position.Length;
    }

    [Njit]
    public static double ComplexPower(double re, double im, int n)
    {
        var z = new Cplx(re, im);
        var acc = new Cplx(1, 0);
        for (int i = 0; i < n; i++) acc = acc * z;
        return acc.Re + 1e-3 * acc.Im;
    }

    /// <summary>Escape iterations of z -> z^2 + c with a readonly struct.</summary>
    [Njit]
    public static int MandelbrotEscape(double cre, double cim, int maxIterations)
    {
        var c = new Cplx(cre, cim);
        var z = default(Cplx);
        int k = 0;
        while (k < maxIterations && z.Abs2 <= 4)
        {
            z = z * z + c;
            k++;
        }
        return k;
    }

    [Njit]
    public static double RecordStructs(double lo, double hi, double x)
    {
        var interval = new Interval(lo, hi);
        var wider = interval with { Hi = hi + 1 };
        var (a, b) = wider;
        return interval.Width + wider.Width * 10 + (interval.Contains(x) ? 100 : 0) + a - b;
    }

    [Njit]
    public static (double Min, double Max) MinMax(double[] values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        return (min, max);
    }

    [Njit]
    public static double RangeOf(double[] values)
    {
        var (lo, hi) = MinMaxHelper(values);
        return hi - lo;
    }

    private static (double, double) MinMaxHelper(double[] values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] < min) min = values[i];
            if (values[i] > max) max = values[i];
        }
        return (min, max);
    }

    /// <summary>Fibonacci with a tuple local: construction, ItemN reads and whole-tuple assignment.</summary>
    [Njit]
    public static long TupleFibonacci(int n)
    {
        (long a, long b) state = (0, 1);
        for (int i = 0; i < n; i++) state = (state.b, state.a + state.b);
        return state.a;
    }

    [Njit]
    public static (int Index, double Value, bool Found) FindFirstAbove(double[] values, double threshold)
    {
        for (int i = 0; i < values.Length; i++)
            if (values[i] > threshold) return (i, values[i], true);
        return (-1, double.NaN, false);
    }

    [Njit]
    public static (Vec3 Mean, double Spread) MeanAndSpread(Vec3[] points)
    {
        var mean = Centroid(points);
        double spread = 0;
        foreach (var p in points) spread = Math.Max(spread, (p - mean).Length);
        return (mean, spread);
    }

    /// <summary>Sum of lengths over an array of structs; <see cref="SumLengthsFlat"/> is the same over x,y,z triples.</summary>
    [Njit]
    public static double SumLengths(Vec3[] vs)
    {
        double s = 0;
        for (int i = 0; i < vs.Length; i++) s += vs[i].Length;
        return s;
    }

    [Njit]
    public static double SumLengthsFlat(double[] xyz)
    {
        double s = 0;
        for (int i = 0; i + 2 < xyz.Length; i += 3) s += Math.Sqrt(xyz[i] * xyz[i] + xyz[i + 1] * xyz[i + 1] + xyz[i + 2] * xyz[i + 2]);
        return s;
    }

    // ---- a particle filter step over a struct array ----

    /// <summary>
    /// One step of a 1-D bootstrap particle filter: predict with the given process noise, weight by a
    /// Gaussian likelihood of the observation, normalise, and resample systematically (offset
    /// <paramref name="u0"/> in [0, 1)) into <paramref name="scratch"/>, copied back. Returns the
    /// effective sample size before resampling, or 0 when every weight vanished.
    /// </summary>
    [Njit]
    public static double ParticleFilterStep(FilterParticle[] particles, double[] noise, double dt, double observation,
                                            double sigma, double u0, FilterParticle[] scratch)
    {
        int n = particles.Length;
        if (noise.Length < n || scratch.Length < n) throw new ArgumentException("noise and scratch need one entry per particle");
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            ref FilterParticle p = ref particles[i];
            p.X += p.V * dt + noise[i];
            double r = (observation - p.X) / sigma;
            p.W *= Math.Exp(-0.5 * r * r);
            total += p.W;
        }
        if (!(total > 0)) return 0;
        double sumSquares = 0;
        for (int i = 0; i < n; i++)
        {
            particles[i].W /= total;
            sumSquares += particles[i].W * particles[i].W;
        }
        double step = 1.0 / n;
        double u = u0 * step;
        double cumulative = particles[0].W;
        int j = 0;
        for (int i = 0; i < n; i++)
        {
            while (u > cumulative && j < n - 1)
            {
                j++;
                cumulative += particles[j].W;
            }
            var chosen = particles[j];
            chosen.W = step;
            scratch[i] = chosen;
            u += step;
        }
        for (int i = 0; i < n; i++) particles[i] = scratch[i];
        return 1 / sumSquares;
    }

    // ---- an RK4 integrator that returns a tuple ----

    private static (double dx, double dv) Oscillator(double x, double v, double omega, double damping) =>
        (v, -omega * omega * x - damping * v);

    /// <summary>Integrates a damped oscillator with classic RK4 for <paramref name="steps"/> steps of size <paramref name="h"/>.</summary>
    [Njit]
    public static (double x, double v) Rk4Oscillator(double x, double v, double omega, double damping, double h, int steps)
    {
        for (int i = 0; i < steps; i++)
        {
            var (k1x, k1v) = Oscillator(x, v, omega, damping);
            var (k2x, k2v) = Oscillator(x + 0.5 * h * k1x, v + 0.5 * h * k1v, omega, damping);
            var (k3x, k3v) = Oscillator(x + 0.5 * h * k2x, v + 0.5 * h * k2v, omega, damping);
            var (k4x, k4v) = Oscillator(x + h * k3x, v + h * k3v, omega, damping);
            x += h / 6 * (k1x + 2 * k2x + 2 * k3x + k4x);
            v += h / 6 * (k1v + 2 * k2v + 2 * k3v + k4v);
        }
        return (x, v);
    }
}
