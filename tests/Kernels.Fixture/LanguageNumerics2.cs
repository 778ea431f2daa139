// System.Numerics.Quaternion, Matrix4x4 and Complex division in [Njit] code: rotations, point-cloud transforms, filter responses.
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

    /// <summary>Quaternion.Slerp of each triple: near, opposite, equal, unnormalized and random rotations.</summary>
    [Njit]
    public static void SlerpAll(Quaternion[] from, Quaternion[] to, float[] amounts, Quaternion[] result)
    {
        for (int i = 0; i < from.Length; i++) result[i] = Quaternion.Slerp(from[i], to[i], amounts[i]);
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
            relative[i].W += new Quaternion(1f, 2f, 3f, 4f).X + Quaternion.Concatenate(previous, delta).Z + Quaternion.Zero.Y;
        }
        return total;
    }

    /// <summary>
    /// Frequency response H = B(1/z) / A(1/z) of an IIR filter (coefficients b, a) at the unit-circle points z = cos + i sin,
    /// written into <paramref name="response"/>; returns the summed squared magnitudes.
    /// </summary>
    [Njit]
    public static double FilterResponse(double[] b, double[] a, double[] cosines, double[] sines, Complex[] response)
    {
        double energy = 0.0;
        for (int k = 0; k < response.Length; k++)
        {
            Complex zInverse = 1.0 / new Complex(cosines[k], sines[k]);
            Complex numerator = Complex.Zero, denominator = Complex.Zero;
            for (int i = b.Length - 1; i >= 0; i--) numerator = numerator * zInverse + b[i];
            for (int i = a.Length - 1; i >= 0; i--) denominator = denominator * zInverse + a[i];
            response[k] = numerator / denominator;
            energy += response[k].Real * response[k].Real + response[k].Imaginary * response[k].Imaginary;
        }
        return energy;
    }

    /// <summary>The three complex divisions and the named Divide, combined.</summary>
    [Njit]
    public static Complex ComplexDivisions(Complex a, Complex b, double s)
    {
        Complex q = a / b;
        Complex r = s / b;
        Complex t = a / s;
        return Complex.Divide(q, a) + r * 0.5 - t + Complex.Divide(s, a) - Complex.Divide(b, s);
    }

    /// <summary>The quotient alone, so each part's special values are compared directly.</summary>
    [Njit]
    public static Complex Quotient(Complex a, Complex b) => a / b;

    /// <summary>Complex divided by a double alone.</summary>
    [Njit]
    public static Complex QuotientByDouble(Complex a, double s) => a / s;

    /// <summary>Transforms a point cloud by model * view (points as positions, w = 1) and the homogeneous Vector4s; returns the transposed product.</summary>
    [Njit]
    public static Matrix4x4 TransformPointCloud(Vector3[] points, Vector4[] homogeneous, Matrix4x4 model, Matrix4x4 view)
    {
        Matrix4x4 combined = model * view + Matrix4x4.Identity;
        combined.M44 = 1f;
        combined.M12 += model.M21;
        for (int i = 0; i < points.Length; i++) points[i] = Vector3.Transform(points[i], combined);
        for (int i = 0; i < homogeneous.Length; i++) homogeneous[i] = Vector4.Transform(homogeneous[i], combined);
        return Matrix4x4.Transpose(combined - view);
    }
}
