// IR bodies of System.Numerics.Quaternion members and Vector3.Transform by a quaternion, in .NET 10's operation order.
using System;
using System.Linq;
using Mono.Cecil;
using NumbaWeaver.IR;

namespace NumbaWeaver.Weaving.Frontend;

/// <summary>
/// .NET 10 writes the quaternion product with Vector128 shuffles: result = right * left.W, then three
/// MultiplyAddEstimate(shuffle(right) * left.X|Y|Z, ±1 signs, result). A multiply by ±1 is exact, so each fused
/// step rounds exactly like one add or subtract of the rounded product; the bodies below do those operations in
/// that order (checked bit for bit against .NET over millions of random and special inputs).
/// </summary>
internal static partial class NumericsLibrary
{
    /// <summary>Below this squared length .NET's Inverse returns the zero quaternion (2^-23, the constant .NET compares with).</summary>
    private const float InverseThreshold = 1.1920929E-07f;

    /// <summary>Loads element <c>i</c> (0..3 = X, Y, Z, W) of an operand onto the stack.</summary>
    private delegate void ElementLoader(IrBuilder b, int i);

    private static IrBuilder? BuildQuaternion(IrType q, MethodReference method, string shape, string name)
    {
        var f = IrType.F32;
        bool withThis = method.HasThis && method.Name != ".ctor";
        IrBuilder Make(IrType ret, params IrType[] ps) => new(name, ret, withThis ? new[] { IrType.RefTo(q) }.Concat(ps).ToArray() : ps);
        switch (method.Name, shape)
        {
            case (".ctor", "f32,f32,f32,f32"): return Make(q, f, f, f, f).Elements(q, i => b => b.Arg(i));
            case (".ctor", _) when method.Parameters.Count == 2 && method.Parameters[0].ParameterType.Name == "Vector3" && shape.EndsWith(",f32", StringComparison.Ordinal):
            {
                var v3 = TypeMapper.MapNumerics(method.Parameters[0].ParameterType)!;
                return Make(q, v3, f).Elements(q, i => b => { if (i < 3) b.Arg(0).Field(v3, i); else b.Arg(1); });
            }
            case ("get_Zero", ""): return Make(q).Elements(q, _ => b => b.Const(0f)); // default: all +0
            case ("get_Identity", ""): return Make(q).Elements(q, i => b => b.Const(i == 3 ? 1f : 0f));
            case ("op_Addition" or "Add", "T,T"): return Make(q, q, q).ElementWise(q, Opcode.Add, true, true);
            case ("op_Subtraction" or "Subtract", "T,T"): return Make(q, q, q).ElementWise(q, Opcode.Sub, true, true);
            case ("op_Multiply" or "Multiply", "T,f32"): return Make(q, q, f).ElementWise(q, Opcode.Mul, true, false);
            case ("op_UnaryNegation" or "Negate", "T"): return Make(q, q).Elements(q, i => b => b.Arg(0).Field(q, i).Op(Opcode.Neg, f));
            case ("op_Multiply" or "Multiply", "T,T"):
                return Product(Make(q, q, q), q, (b, i) => b.Arg(0).Field(q, i), (b, i) => b.Arg(1).Field(q, i)).Return(q);
            case ("Concatenate", "T,T"): // value2 * value1
                return Product(Make(q, q, q), q, (b, i) => b.Arg(1).Field(q, i), (b, i) => b.Arg(0).Field(q, i)).Return(q);
            case ("Conjugate", "T"):
            {
                var b = Make(q, q);
                var conjugate = ConjugateLocals(b, q, (x, i) => x.Arg(0).Field(q, i));
                return b.Elements(q, i => x => x.LdLoc(conjugate[i]));
            }
            case ("Dot", "T,T"): return Make(f, q, q).Dot(q, 0, 1).Return(f);
            case ("Slerp", "T,T,f32"): return Slerp(Make(q, q, q, f), q);
            case ("LengthSquared", ""): return Make(f).Dot(q, 0, 0).Return(f);
            case ("Length", ""): return Make(f).Dot(q, 0, 0).Intrinsic("MathF", "Sqrt", f).Return(f);
            case ("Normalize", "T"):
            {
                // value / value.Length(): the length once, then each element divided by it.
                var b = Make(q, q);
                int length = b.Local(f);
                b.Dot(q, 0, 0).Intrinsic("MathF", "Sqrt", f).StLoc(length);
                return b.Elements(q, i => x => x.Arg(0).Field(q, i).LdLoc(length).Op(Opcode.Div, f));
            }
            case ("Inverse", "T"): return Inverse(Make(q, q), q);
            case ("CreateFromAxisAngle", _) when method.Parameters.Count == 2 && method.Parameters[0].ParameterType.Name == "Vector3" && shape.EndsWith(",f32", StringComparison.Ordinal):
            {
                // .NET: (s, c) = float.SinCos(angle * 0.5f) (libm sinf/cosf, which MathF.Sin/Cos compile to), then
                // Vector4(axis, 1) * Vector4(s, s, s, c): W = 1 * c, which is c.
                var v3 = TypeMapper.MapNumerics(method.Parameters[0].ParameterType)!;
                var b = Make(q, v3, f);
                int sin = b.Local(f), cos = b.Local(f);
                b.Arg(1).Const(0.5f).Op(Opcode.Mul, f).Intrinsic("MathF", "Sin", f).StLoc(sin);
                b.Arg(1).Const(0.5f).Op(Opcode.Mul, f).Intrinsic("MathF", "Cos", f).StLoc(cos);
                return b.Elements(q, i => x => { if (i < 3) x.Arg(0).Field(v3, i).LdLoc(sin).Op(Opcode.Mul, f); else x.LdLoc(cos); });
            }
            default:
                return null;
        }
    }

    /// <summary>
    /// Pushes left * right (Hamilton product, as .NET 10's shuffles compute it) and makes the struct; the caller returns or stores it.
    /// Element i: ((R[i]*L.W ± R[a]*L.X) ± R[b]*L.Y) ± R[c]*L.Z with the shuffles (3,2,1,0), (2,3,0,1), (1,0,3,2).
    /// </summary>
    private static IrBuilder Product(IrBuilder b, IrType q, ElementLoader left, ElementLoader right)
    {
        var f = IrType.F32;
        int[][] shuffles = { new[] { 3, 2, 1, 0 }, new[] { 2, 3, 0, 1 }, new[] { 1, 0, 3, 2 } };
        bool[][] adds = { new[] { true, false, true, false }, new[] { true, true, false, false }, new[] { false, true, true, false } };
        for (int i = 0; i < 4; i++)
        {
            right(b, i);
            left(b, 3);
            b.Op(Opcode.Mul, f);
            for (int step = 0; step < 3; step++)
            {
                right(b, shuffles[step][i]);
                left(b, step);
                b.Op(Opcode.Mul, f);
                b.Op(adds[step][i] ? Opcode.Add : Opcode.Sub, f);
            }
        }
        return b.Emit(Opcode.MakeStruct, q);
    }

    /// <summary>
    /// Slerp as .NET 10: cos = Dot(q1, q2) (pairwise, as dpps), negated with a flip flag when negative; within 1e-6 of 1
    /// the weights are linear (1 - t, ±t), else from omega = acosf(cos) and 1 / sinf(omega); each element is
    /// s1 * q1 + s2 * q2, unfused (checked against .NET on 300,000 random, equal and opposite pairs).
    /// </summary>
    private static IrBuilder Slerp(IrBuilder b, IrType q)
    {
        var f = IrType.F32;
        int cos = b.Local(f), flip = b.Local(IrType.I32), s1 = b.Local(f), s2 = b.Local(f), omega = b.Local(f), inverseSin = b.Local(f);
        b.Dot(q, 0, 1).StLoc(cos).ConstI32(0).StLoc(flip);
        b.LdLoc(cos).Const(0f).Op(Opcode.Clt, f);
        var notNegative = Branch(b, Opcode.BrFalse);
        b.ConstI32(1).StLoc(flip).LdLoc(cos).Op(Opcode.Neg, f).StLoc(cos);
        Mark(b, notNegative);

        b.LdLoc(cos).Const(1f - 1e-6f).Op(Opcode.Cgt, f);
        var apart = Branch(b, Opcode.BrFalse);
        b.Const(1f).Arg(2).Op(Opcode.Sub, f).StLoc(s1);
        b.Arg(2).StLoc(s2);
        b.LdLoc(flip);
        var linearDone = Branch(b, Opcode.BrFalse);
        b.Arg(2).Op(Opcode.Neg, f).StLoc(s2);
        Mark(b, linearDone);
        var weightsDone = Jump(b);

        Mark(b, apart);
        b.LdLoc(cos).Intrinsic("MathF", "Acos", f).StLoc(omega);
        b.Const(1f).LdLoc(omega).Intrinsic("MathF", "Sin", f).Op(Opcode.Div, f).StLoc(inverseSin);
        b.Const(1f).Arg(2).Op(Opcode.Sub, f).LdLoc(omega).Op(Opcode.Mul, f).Intrinsic("MathF", "Sin", f).LdLoc(inverseSin).Op(Opcode.Mul, f).StLoc(s1);
        b.Arg(2).LdLoc(omega).Op(Opcode.Mul, f).Intrinsic("MathF", "Sin", f).StLoc(s2); // -sin(...) * inverseSin when flipped
        b.LdLoc(flip);
        var unflipped = Branch(b, Opcode.BrFalse);
        b.LdLoc(s2).Op(Opcode.Neg, f).StLoc(s2);
        Mark(b, unflipped);
        b.LdLoc(s2).LdLoc(inverseSin).Op(Opcode.Mul, f).StLoc(s2);
        Mark(b, weightsDone);

        return b.Elements(q, i => x => x.LdLoc(s1).Arg(0).Field(q, i).Op(Opcode.Mul, f).LdLoc(s2).Arg(1).Field(q, i).Op(Opcode.Mul, f).Op(Opcode.Add, f));
    }

    /// <summary>
    /// Conjugate(operand) into four new locals; returns their indices. .NET multiplies by (-1, -1, -1, 1), which keeps
    /// a NaN's sign, while LLVM turns a multiply by -1 into a sign flip: so X, Y, Z are negated only when not NaN.
    /// </summary>
    private static int[] ConjugateLocals(IrBuilder b, IrType q, ElementLoader operand)
    {
        var f = IrType.F32;
        var locals = new int[4];
        for (int i = 0; i < 4; i++)
        {
            locals[i] = b.Local(f);
            operand(b, i);
            b.StLoc(locals[i]);
            if (i == 3) continue;
            b.LdLoc(locals[i]).LdLoc(locals[i]).Op(Opcode.Ceq, f);
            var keepNaN = Branch(b, Opcode.BrFalse);
            b.LdLoc(locals[i]).Op(Opcode.Neg, f).StLoc(locals[i]);
            Mark(b, keepNaN);
        }
        return locals;
    }

    /// <summary>Conjugate / LengthSquared, or the zero quaternion when LengthSquared &lt;= 2^-23 (NaN keeps the quotient).</summary>
    private static IrBuilder Inverse(IrBuilder b, IrType q)
    {
        var f = IrType.F32;
        int ls = b.Local(f);
        b.Dot(q, 0, 0).StLoc(ls);
        var conjugate = ConjugateLocals(b, q, (x, i) => x.Arg(0).Field(q, i));
        b.LdLoc(ls).Const(InverseThreshold).Op(Opcode.CgtUn, f);
        var toZero = Branch(b, Opcode.BrFalse);
        b.Elements(q, i => x => x.LdLoc(conjugate[i]).LdLoc(ls).Op(Opcode.Div, f));
        Mark(b, toZero);
        return b.Elements(q, _ => x => x.Const(0f));
    }

    /// <summary>
    /// Vector3.Transform(value, rotation): .NET 10 computes Concatenate(Concatenate(Conjugate(q), (value, 1)), q),
    /// that is q * ((value, 1) * Conjugate(q)), and keeps X, Y, Z.
    /// </summary>
    private static IrBuilder TransformByQuaternion(IrBuilder b, IrType v3)
    {
        var q = b.Function.Parameters[1].Type;
        var f = IrType.F32;
        var conjugate = ConjugateLocals(b, q, (x, i) => x.Arg(1).Field(q, i));
        int inner = b.Local(q);
        Product(b, q, (x, i) => { if (i < 3) x.Arg(0).Field(v3, i); else x.Const(1f); }, (x, i) => x.LdLoc(conjugate[i])).StLoc(inner);
        int outer = b.Local(q);
        Product(b, q, (x, i) => x.Arg(1).Field(q, i), (x, i) => x.LdLoc(inner).Field(q, i)).StLoc(outer);
        return b.Elements(v3, i => x => x.LdLoc(outer).Field(q, i));
    }
}
