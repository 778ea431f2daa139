// IR bodies of System.Numerics.Matrix4x4 members and Vector3/Vector4.Transform by a matrix, in .NET 10's operation order.
using System;
using System.Linq;
using Mono.Cecil;
using NumbaWeaver.IR;

namespace NumbaWeaver.Weaving.Frontend;

/// <summary>
/// .NET 10 transforms a vector by rows: acc = row1 * v.X, then MultiplyAddEstimate(row2, v.Y, acc) and so on,
/// fused on FMA hardware (every x64 CPU since 2013 and Arm64, as for Lerp); a Vector3 adds row4 instead of
/// fusing it. The matrix product transforms each row of the left matrix by the right one. + and Transpose are exact.
/// </summary>
internal static partial class NumericsLibrary
{
    private static IrBuilder? BuildMatrix(IrType m, MethodReference method, string shape, string name)
    {
        var f = IrType.F32;
        bool withThis = method.HasThis && method.Name != ".ctor";
        IrBuilder Make(IrType ret, params IrType[] ps) => new(name, ret, withThis ? new[] { IrType.RefTo(m) }.Concat(ps).ToArray() : ps);
        switch (method.Name, shape)
        {
            case ("get_Identity", ""): return Make(m).Elements(m, i => b => b.Const(i / 4 == i % 4 ? 1f : 0f));
            case ("op_Addition" or "Add", "T,T"): return Make(m, m, m).ElementWise(m, Opcode.Add, true, true);
            case ("op_Subtraction" or "Subtract", "T,T"): return Make(m, m, m).ElementWise(m, Opcode.Sub, true, true);
            case ("Transpose", "T"): return Make(m, m).Elements(m, i => b => b.Arg(0).Field(m, i % 4 * 4 + i / 4));
            case ("op_Multiply" or "Multiply", "T,T"):
                // Row r of the result: row r of value1 transformed by value2; element (r, c) = fma chain over k.
                return Make(m, m, m).Elements(m, i => b => RowTimesMatrix(b, m, i % 4, k => x => x.Arg(0).Field(m, i / 4 * 4 + k), 1, fuseLast: true));
            default:
                return null;
        }
    }

    /// <summary>
    /// Pushes element <paramref name="column"/> of v * M (M the argument <paramref name="matrixArgument"/>):
    /// M[0,c] * v0, then fma(M[k,c], vk, acc) for k = 1, 2 and, when <paramref name="fuseLast"/>, 3; else + M[3,c].
    /// </summary>
    private static void RowTimesMatrix(IrBuilder b, IrType m, int column, Func<int, Action<IrBuilder>> vectorElement, int matrixArgument, bool fuseLast)
    {
        var f = IrType.F32;
        b.Arg(matrixArgument).Field(m, column);
        vectorElement(0)(b);
        b.Op(Opcode.Mul, f);
        int accumulator = b.Local(f);
        b.StLoc(accumulator);
        for (int k = 1; k < 4; k++)
        {
            if (k == 3 && !fuseLast)
            {
                b.LdLoc(accumulator).Arg(matrixArgument).Field(m, 12 + column).Op(Opcode.Add, f).StLoc(accumulator);
                break;
            }
            b.Arg(matrixArgument).Field(m, k * 4 + column);
            vectorElement(k)(b);
            b.LdLoc(accumulator).Intrinsic("MathF", "FusedMultiplyAdd", f, f, f).StLoc(accumulator);
        }
        b.LdLoc(accumulator);
    }

    /// <summary>Vector4.Transform(v, M) and Vector3.Transform(v, M) (the latter adds row 4 and keeps X, Y, Z).</summary>
    private static IrBuilder TransformByMatrix(IrBuilder b, IrType v)
    {
        var m = b.Function.Parameters[1].Type;
        bool three = v.Fields.Count == 3;
        return b.Elements(v, c => x => RowTimesMatrix(x, m, c, k => y => y.Arg(0).Field(v, k), 1, fuseLast: !three));
    }
}
