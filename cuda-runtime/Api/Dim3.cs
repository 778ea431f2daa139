// Dim3: a launch extent or a thread/block coordinate with .X/.Y/.Z, as CUDA's dim3.
using System;

namespace NumbaWeaver;

/// <summary>
/// CUDA's <c>dim3</c>. Converts implicitly from <c>int</c>, <c>(int, int)</c> and
/// <c>(int, int, int)</c>, so launches read <c>Cuda.Launch(k, (64, 64), (16, 16), ...)</c>.
/// </summary>
public readonly struct Dim3 : IEquatable<Dim3>
{
    public Dim3(int x, int y = 1, int z = 1)
    {
        X = x;
        Y = y;
        Z = z;
    }

    public readonly int X;
    public readonly int Y;
    public readonly int Z;

    /// <summary>X * Y * Z.</summary>
    public long Size => (long)X * Y * Z;

    public static implicit operator Dim3(int x) => new(x);
    public static implicit operator Dim3((int X, int Y) d) => new(d.X, d.Y);
    public static implicit operator Dim3((int X, int Y, int Z) d) => new(d.X, d.Y, d.Z);

    public void Deconstruct(out int x, out int y)
    {
        x = X;
        y = Y;
    }

    public void Deconstruct(out int x, out int y, out int z)
    {
        x = X;
        y = Y;
        z = Z;
    }

    public bool Equals(Dim3 other) => X == other.X && Y == other.Y && Z == other.Z;
    public override bool Equals(object? obj) => obj is Dim3 d && Equals(d);
    public override int GetHashCode() => HashCode.Combine(X, Y, Z);
    public static bool operator ==(Dim3 a, Dim3 b) => a.Equals(b);
    public static bool operator !=(Dim3 a, Dim3 b) => !a.Equals(b);
    public override string ToString() => $"({X}, {Y}, {Z})";
}
