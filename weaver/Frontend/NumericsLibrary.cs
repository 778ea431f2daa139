// IR bodies of the System.Numerics members compiled in [Njit] code (Vector2/3/4, Complex; Quaternion, Matrix4x4 and Complex division in partial files), in .NET's operation order.
using System;
using System.Linq;
using Mono.Cecil;
using NumbaWeaver.IR;

namespace NumbaWeaver.Weaving.Frontend;

/// <summary>
/// System.Numerics has no IL the weaver may compile (another assembly), so each supported member gets a small
/// IR function written here. Each one does exactly the float/double operations .NET 10 does, in the same order,
/// so results are bit-identical: element-wise IEEE arithmetic, Dot summed as pairs like the SSE4.1 dpps
/// instruction the JIT uses, Length = Sqrt(Dot). Members without an exact match are not built (null) and stay refused.
/// </summary>
internal static partial class NumericsLibrary
{
    /// <summary>The IR function for <paramref name="method"/> (named <paramref name="name"/>), or null when it is not compiled.</summary>
    public static IrFunction? Build(MethodReference method, string name)
    {
        var parameters = MapParameters(method);
        if (parameters.Any(p => p == null)) return null;
        if (method.DeclaringType.FullName == "System.Double")
            return method.Name == "Hypot" && parameters.Length == 2 && parameters.All(p => p == IrType.F64) ? HypotFunction(name).Function : null;
        var self = TypeMapper.MapNumerics(method.DeclaringType)!;
        var shape = string.Join(",", parameters.Select(p => p == self ? "T" : p!.ToString()));
        var b = self.Fields[0] == IrType.F64 ? BuildComplex(self, method, shape, name)
            : method.DeclaringType.Name == "Quaternion" ? BuildQuaternion(self, method, shape, name)
            : method.DeclaringType.Name == "Matrix4x4" ? BuildMatrix(self, method, shape, name)
            : BuildVector(self, method, shape, name);
        return b?.Function;
    }

    /// <summary>Elements of a vector (all f32); <paramref name="self"/> is Vector2, 3 or 4.</summary>
    private static IrBuilder? BuildVector(IrType v, MethodReference method, string shape, string name)
    {
        int n = v.Fields.Count;
        var f = IrType.F32;
        string scalars = string.Join(",", Enumerable.Repeat("f32", n));
        // Constructors are built as functions returning the new value (newobj and `.ctor` on an address both use it).
        bool withThis = method.HasThis && method.Name != ".ctor";
        IrBuilder Make(IrType ret, params IrType[] ps) => new(name, ret, withThis ? new[] { IrType.RefTo(v) }.Concat(ps).ToArray() : ps);
        switch (method.Name, shape)
        {
            case (".ctor", "f32"):
                return Make(v, f).Elements(v, _ => b => b.Arg(0));
            case (".ctor", _) when shape == scalars:
                return Make(v, Enumerable.Repeat(f, n).ToArray()).Elements(v, i => b => b.Arg(i));
            case (".ctor", _) when method.Parameters.Count >= 2 && TypeMapper.MapNumerics(method.Parameters[0].ParameterType) is { } smaller
                                   && smaller.Fields.Count == n - method.Parameters.Count + 1 && smaller.Fields[0] == f
                                   && MapParameters(method).Skip(1).All(p => p == f):
            {
                int k = smaller.Fields.Count, shift = 0;
                return Make(v, new[] { smaller }.Concat(Enumerable.Repeat(f, n - k)).ToArray())
                    .Elements(v, i => b => { if (i < k) b.Arg(shift).Field(smaller, i); else b.Arg(shift + 1 + i - k); });
            }
            case ("get_Zero", ""): return Make(v).Elements(v, _ => b => b.Const(0f));
            case ("get_One", ""): return Make(v).Elements(v, _ => b => b.Const(1f));
            case ("get_UnitX", ""): return Make(v).Elements(v, i => b => b.Const(i == 0 ? 1f : 0f));
            case ("get_UnitY", ""): return Make(v).Elements(v, i => b => b.Const(i == 1 ? 1f : 0f));
            case ("get_UnitZ", ""): return Make(v).Elements(v, i => b => b.Const(i == 2 ? 1f : 0f));
            case ("get_UnitW", ""): return Make(v).Elements(v, i => b => b.Const(i == 3 ? 1f : 0f));
            case ("op_Addition" or "Add", "T,T"): return Make(v, v, v).ElementWise(v, Opcode.Add, true, true);
            case ("op_Subtraction" or "Subtract", "T,T"): return Make(v, v, v).ElementWise(v, Opcode.Sub, true, true);
            case ("op_Multiply" or "Multiply", "T,T"): return Make(v, v, v).ElementWise(v, Opcode.Mul, true, true);
            case ("op_Division" or "Divide", "T,T"): return Make(v, v, v).ElementWise(v, Opcode.Div, true, true);
            case ("op_Multiply" or "Multiply", "T,f32"): return Make(v, v, f).ElementWise(v, Opcode.Mul, true, false);
            case ("op_Division" or "Divide", "T,f32"): return Make(v, v, f).ElementWise(v, Opcode.Div, true, false);
            case ("op_Multiply" or "Multiply", "f32,T"):
                // .NET: right * left, so the vector element is the first operand.
                return Make(v, f, v).Elements(v, i => b => b.Arg(1).Field(v, i).Arg(0).Op(Opcode.Mul, f));
            case ("op_UnaryNegation" or "Negate", "T"):
                return Make(v, v).Elements(v, i => b => b.Arg(0).Field(v, i).Op(Opcode.Neg, f));
            case ("op_Equality", "T,T"): return Make(IrType.Bool, v, v).AllEqual(v, negate: false);
            case ("op_Inequality", "T,T"): return Make(IrType.Bool, v, v).AllEqual(v, negate: true);
            case ("Abs", "T"): return Make(v, v).Elements(v, i => b => b.Arg(0).Field(v, i).Intrinsic("MathF", "Abs", f));
            case ("Min", "T,T"): return Make(v, v, v).Elements(v, i => b => b.Arg(0).Field(v, i).Arg(1).Field(v, i).Intrinsic("MathF", "Min", f, f));
            case ("Max", "T,T"): return Make(v, v, v).Elements(v, i => b => b.Arg(0).Field(v, i).Arg(1).Field(v, i).Intrinsic("MathF", "Max", f, f));
            case ("Clamp", "T,T,T"):
                // Min(Max(value, min), max), element by element.
                return Make(v, v, v, v).Elements(v, i => b => b.Arg(0).Field(v, i).Arg(1).Field(v, i).Intrinsic("MathF", "Max", f, f)
                    .Arg(2).Field(v, i).Intrinsic("MathF", "Min", f, f));
            case ("Lerp", "T,T,f32"):
                // .NET 10: MultiplyAddEstimate(value1, 1 - amount, value2 * amount), fused on x64 and Arm64 (FMA hardware).
                return Make(v, v, v, f).Elements(v, i => b => b.Arg(0).Field(v, i).Const(1f).Arg(2).Op(Opcode.Sub, f)
                    .Arg(1).Field(v, i).Arg(2).Op(Opcode.Mul, f).Intrinsic("MathF", "FusedMultiplyAdd", f, f, f));
            case ("Dot", "T,T"): return Make(f, v, v).Dot(v, 0, 1).Return(f);
            case ("LengthSquared", ""): return Make(f).Dot(v, 0, 0).Return(f);
            case ("Length", ""): return Make(f).Dot(v, 0, 0).Intrinsic("MathF", "Sqrt", f).Return(f);
            case ("DistanceSquared", "T,T"): return Make(f, v, v).Difference(v).Dot(v, 2, 2).Return(f);
            case ("Distance", "T,T"): return Make(f, v, v).Difference(v).Dot(v, 2, 2).Intrinsic("MathF", "Sqrt", f).Return(f);
            case ("Normalize", "T"):
            {
                // value / value.Length(): the length is computed once, then each element divided by it.
                var b = Make(v, v);
                int length = b.Local(f);
                b.Dot(v, 0, 0).Intrinsic("MathF", "Sqrt", f).StLoc(length);
                return b.Elements(v, i => x => x.Arg(0).Field(v, i).LdLoc(length).Op(Opcode.Div, f));
            }
            case ("Transform", _) when n == 3 && method.Parameters.Count == 2 && shape.StartsWith("T,", StringComparison.Ordinal)
                                       && method.Parameters[1].ParameterType.Name == "Quaternion":
                return TransformByQuaternion(Make(v, v, TypeMapper.MapNumerics(method.Parameters[1].ParameterType)!), v);
            case ("Transform", _) when n is 3 or 4 && method.Parameters.Count == 2 && shape.StartsWith("T,", StringComparison.Ordinal)
                                       && method.Parameters[1].ParameterType.Name == "Matrix4x4":
                return TransformByMatrix(Make(v, v, TypeMapper.MapNumerics(method.Parameters[1].ParameterType)!), v);
            case ("Cross", "T,T") when n == 3:
            {
                (int A, int B)[] pairs = { (1, 2), (2, 0), (0, 1) };
                return Make(v, v, v).Elements(v, i => b => b
                    .Arg(0).Field(v, pairs[i].A).Arg(1).Field(v, pairs[i].B).Op(Opcode.Mul, f)
                    .Arg(0).Field(v, pairs[i].B).Arg(1).Field(v, pairs[i].A).Op(Opcode.Mul, f)
                    .Op(Opcode.Sub, f));
            }
            default:
                return null;
        }
    }

    private static IrType?[] MapParameters(MethodReference method) => method.Parameters.Select(p => TypeMapper.Map(p.ParameterType)).ToArray();

    /// <summary>Complex {real, imaginary} (f64): construction, parts, + - * / and the double overloads, conjugate, Abs/Magnitude, Sqrt, Exp, Phase, Log, Log10, Sin, Cos, Tan.</summary>
    private static IrBuilder? BuildComplex(IrType c, MethodReference method, string shape, string name)
    {
        var d = IrType.F64;
        bool withThis = method.HasThis && method.Name != ".ctor";
        IrBuilder Make(IrType ret, params IrType[] ps) => new(name, ret, withThis ? new[] { IrType.RefTo(c) }.Concat(ps).ToArray() : ps);
        const int shift = 0;
        switch (method.Name, shape)
        {
            case (".ctor", "f64,f64"): return Make(c, d, d).Elements(c, i => b => b.Arg(shift + i));
            case ("op_Implicit", "f64"): return Make(c, d).Elements(c, i => b => { if (i == 0) b.Arg(0); else b.Const(0.0); });
            case ("op_Addition" or "Add", "T,T"): return Make(c, c, c).ElementWise(c, Opcode.Add, true, true);
            case ("op_Subtraction" or "Subtract", "T,T"): return Make(c, c, c).ElementWise(c, Opcode.Sub, true, true);
            case ("op_Addition" or "Add", "T,f64"):
                return Make(c, c, d).Elements(c, i => b => { b.Arg(0).Field(c, i); if (i == 0) b.Arg(1).Op(Opcode.Add, d); });
            case ("op_Subtraction" or "Subtract", "T,f64"):
                return Make(c, c, d).Elements(c, i => b => { b.Arg(0).Field(c, i); if (i == 0) b.Arg(1).Op(Opcode.Sub, d); });
            case ("op_Multiply" or "Multiply", "T,T"):
                // .NET: (l.re * r.re) - (l.im * r.im), (l.im * r.re) + (l.re * r.im)
                return Make(c, c, c).Elements(c, i => b =>
                {
                    if (i == 0) b.Arg(0).Field(c, 0).Arg(1).Field(c, 0).Op(Opcode.Mul, d).Arg(0).Field(c, 1).Arg(1).Field(c, 1).Op(Opcode.Mul, d).Op(Opcode.Sub, d);
                    else b.Arg(0).Field(c, 1).Arg(1).Field(c, 0).Op(Opcode.Mul, d).Arg(0).Field(c, 0).Arg(1).Field(c, 1).Op(Opcode.Mul, d).Op(Opcode.Add, d);
                });
            case ("op_Multiply" or "Multiply", "T,f64"): return Make(c, c, d).ElementWise(c, Opcode.Mul, true, false);
            case ("op_Division" or "Divide", "T,f64"): return ComplexByDouble(Make(c, c, d), c);
            case ("op_Division" or "Divide", "T,T"): return ComplexByComplex(Make(c, c, c), c, realDividend: false);
            case ("op_Division" or "Divide", "f64,T"): return ComplexByComplex(Make(c, d, c), c, realDividend: true);
            case ("op_UnaryNegation" or "Negate", "T"): return Make(c, c).Elements(c, i => b => b.Arg(0).Field(c, i).Op(Opcode.Neg, d));
            case ("Conjugate", "T"): return Make(c, c).Elements(c, i => b => { b.Arg(0).Field(c, i); if (i == 1) b.Op(Opcode.Neg, d); });
            case ("Abs", "T"): return ComplexAbs(Make(d, c), c);
            case ("Sqrt", "T"): return ComplexSqrt(Make(c, c), c);
            case ("FromPolarCoordinates", "f64,f64"): // (magnitude * cos phase, magnitude * sin phase)
                return Make(c, d, d).Elements(c, i => b => b.Arg(0).Arg(1).Intrinsic("Math", i == 0 ? "Cos" : "Sin", d).Op(Opcode.Mul, d));
            case ("Reciprocal", "T"):
            {
                // .NET: Zero for (±0, ±0), else One / value.
                var b = Make(c, c);
                b.Arg(0).Field(c, 0).Const(0.0).Op(Opcode.Ceq, d).Arg(0).Field(c, 1).Const(0.0).Op(Opcode.Ceq, d).Op(Opcode.And, IrType.I32);
                var nonZero = Branch(b, Opcode.BrFalse);
                b.Const(0.0).Const(0.0).Emit(Opcode.MakeStruct, c).Return(c);
                Mark(b, nonZero);
                return ComplexByComplex(b, c, realDividend: false, oneByArgument: true);
            }
            case ("IsFinite" or "IsInfinity" or "IsNaN", "T"): return ComplexClassification(Make(IrType.Bool, c), c, method.Name);
            case ("Log" or "Log10" or "Sin" or "Cos" or "Tan", "T"): return ComplexFunction(Make(c, c), c, method.Name);
            case ("get_Phase", ""): return ComplexFunction(Make(d), c, method.Name); // argument 0 is the reference to the value
            case ("get_Magnitude", ""): return ComplexAbs(Make(d), c); // argument 0 is the reference to the value
            case ("Exp", "T"):
            {
                // .NET: e = Math.Exp(re); (e * Math.Cos(im), e * Math.Sin(im)), the libm functions Math compiles to.
                var b = Make(c, c);
                int e = b.Local(d);
                b.Arg(0).Field(c, 0).Intrinsic("Math", "Exp", d).StLoc(e);
                return b.Elements(c, i => x => x.LdLoc(e).Arg(0).Field(c, 1).Intrinsic("Math", i == 0 ? "Cos" : "Sin", d).Op(Opcode.Mul, d));
            }
            case ("op_Equality", "T,T"): return Make(IrType.Bool, c, c).AllEqual(c, negate: false);
            case ("op_Inequality", "T,T"): return Make(IrType.Bool, c, c).AllEqual(c, negate: true);
            default:
                return null;
        }
    }
}
