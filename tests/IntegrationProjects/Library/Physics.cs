// Library kernels: a particle integrator and a 1-D wave step, compiled when the library is built.
using System;
using NumbaWeaver;

namespace Library;

public static class Physics
{
    /// <summary>Semi-implicit Euler steps of particles under gravity, bouncing on the floor y = 0.</summary>
    [Njit]
    public static void Integrate(double[] y, double[] vy, double dt, int steps)
    {
        for (int s = 0; s < steps; s++)
        {
            for (int i = 0; i < y.Length; i++)
            {
                vy[i] -= 9.81 * dt;
                y[i] += vy[i] * dt;
                if (y[i] < 0)
                {
                    y[i] = -y[i];
                    vy[i] = -0.9 * vy[i];
                }
            }
        }
    }

    /// <summary>One leapfrog step of the 1-D wave equation with fixed ends.</summary>
    [Njit]
    public static void WaveStep(float[] previous, float[] current, float[] next, float courant2)
    {
        int n = current.Length;
        next[0] = 0;
        next[n - 1] = 0;
        for (int i = 1; i < n - 1; i++)
            next[i] = 2 * current[i] - previous[i] + courant2 * (current[i - 1] - 2 * current[i] + current[i + 1]);
    }

    /// <summary>Kinetic energy, through Math functions the compiler maps to LLVM intrinsics.</summary>
    [Njit]
    public static double Energy(double[] vy)
    {
        double e = 0;
        for (int i = 0; i < vy.Length; i++) e += 0.5 * Math.Pow(Math.Abs(vy[i]), 2.0);
        return Math.Sqrt(e);
    }
}
