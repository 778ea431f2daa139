// GridIndex: the value of Cuda.Grid(n); an int for n = 1, deconstructs into (x, y) or (x, y, z).
namespace NumbaWeaver;

/// <summary>
/// Numba's <c>cuda.grid(ndim)</c> returns an int or a tuple; C# gets one type for both:
/// <c>int i = Cuda.Grid(1);</c> and <c>var (x, y) = Cuda.Grid(2);</c>.
/// </summary>
public readonly struct GridIndex
{
    public GridIndex(int x, int y, int z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    public readonly int X;
    public readonly int Y;
    public readonly int Z;

    public static implicit operator int(GridIndex g) => g.X;

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
}
