// The trivial function whose timing is the per-call overhead of a [Njit] stub.
namespace NumbaWeaver.Benchmarks.Kernels;

public static partial class Plain
{
    public static int Add(int a, int b) => a + b;
}

public static partial class Nj
{
    [Njit]
    public static int Add(int a, int b) => a + b;
}

/// <summary>The plain method with inlining forbidden: the cost of an ordinary call, for comparison.</summary>
public static class PlainNoInline
{
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public static int Add(int a, int b) => a + b;
}
