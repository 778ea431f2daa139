// System.Numerics.Quaternion in [Njit] code as rotation code uses it: rotating points, integrating angular velocity.
using System;
using System.Numerics;
using NumbaWeaver;

namespace Kernels.Fixture;

public static class LanguageNumerics2
{
    /// <summary>Rotates every point about <paramref name="axis"/> by <paramref name="angle"/> radians; returns the summed squared lengths.</summary>
    [Njit]
    public static float RotatePoints(Vector3[] points, Vector3 axis, float angle)
    {
        Quaternion rotation = Quaternion.CreateFromAxisAngle(Vector3.Normalize(axis), angle);
        float sum = 0f;
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = Vector3.Transform(points[i], rotation);
            sum += points[i].LengthSquared();
        }
        return sum;
    }

    /// <summary>
    /// Integrates body angular velocities into an orientation: q += 0.5 * dt * (ω, 0) * q, renormalized each step;
    /// writes each step's orientation and returns the last.
    /// </summary>
    [Njit]
    public static Quaternion IntegrateOrientation(Vector3[] angularVelocities, Quaternion[] orientations, float dt)
    {
        Quaternion q = Quaternion.Identity;
        for (int i = 0; i < angularVelocities.Length; i++)
        {
            var spin = new Quaternion(angularVelocities[i], 0f) * q;
            q = Quaternion.Normalize(q + spin * (0.5f * dt));
            orientations[i] = q;
        }
        return q;
    }

    /// <summary>The relative rotation between consecutive orientations (inverse, conjugate, product) and its angle-ish measures.</summary>
    [Njit]
    public static float RelativeRotations(Quaternion[] orientations, Quaternion[] relative)
    {
        float total = 0f;
        for (int i = 1; i < orientations.Length; i++)
        {
            Quaternion previous = orientations[i - 1];
            Quaternion delta = orientations[i] * Quaternion.Inverse(previous);
            relative[i] = delta - Quaternion.Conjugate(delta) + (-previous) * 0.25f;
            total += Quaternion.Dot(delta, previous) + delta.Length() - delta.LengthSquared();
            relative[i].W += new Quaternion(1f, 2f, 3f, 4f).X + Quaternion.Concatenate(previous, delta).Z;
        }
        return total;
    }
}
