// IR bodies of System.Numerics.Complex division (Complex / Complex, double / Complex, Complex / double) with .NET 10's branches.
using NumbaWeaver.IR;

namespace NumbaWeaver.Weaving.Frontend;

/// <summary>
/// .NET divides complex numbers with Smith's algorithm: the ratio of the divisor's smaller part to its larger one
/// keeps intermediate products in range. The branch is taken on <c>|d| &lt; |c|</c> (ordered, so NaN takes the
/// second form), and each form's additions and divisions happen in the order below, transcribed from .NET 10's IL.
/// Dividing by a double has its own special cases (zero divisor, infinite parts) that produce NaN parts.
/// </summary>
internal static partial class NumericsLibrary
{
    /// <summary>
    /// (a + bi) / (c + di), the dividend argument 0 (a double when <paramref name="realDividend"/>), the divisor argument 1;
    /// with <paramref name="oneByArgument"/>, Complex.One divided by argument 0 (Reciprocal: the complex formulas, b = 0).
    /// </summary>
    private static IrBuilder ComplexByComplex(IrBuilder b, IrType complex, bool realDividend, bool oneByArgument = false)
    {
        var d = IrType.F64;
        int divisor = oneByArgument ? 0 : 1;
        int a = b.Local(d), im = b.Local(d), cr = b.Local(d), di = b.Local(d), ratio = b.Local(d), denominator = b.Local(d);
        if (oneByArgument) b.Const(1.0).StLoc(a).Const(0.0).StLoc(im);
        else if (realDividend) b.Arg(0).StLoc(a).Const(0.0).StLoc(im);
        else b.Arg(0).Field(complex, 0).StLoc(a).Arg(0).Field(complex, 1).StLoc(im);
        b.Arg(divisor).Field(complex, 0).StLoc(cr).Arg(divisor).Field(complex, 1).StLoc(di);
        b.LdLoc(di).Intrinsic("Math", "Abs", d).LdLoc(cr).Intrinsic("Math", "Abs", d).Op(Opcode.Clt, d);
        var largerImaginary = Branch(b, Opcode.BrFalse);

        // |d| < |c|: ratio = d / c, denominator = c + d * ratio.
        b.LdLoc(di).LdLoc(cr).Op(Opcode.Div, d).StLoc(ratio);
        b.LdLoc(cr).LdLoc(di).LdLoc(ratio).Op(Opcode.Mul, d).Op(Opcode.Add, d).StLoc(denominator);
        if (realDividend)
        {
            b.LdLoc(a).LdLoc(denominator).Op(Opcode.Div, d);
            b.LdLoc(a).Op(Opcode.Neg, d).LdLoc(ratio).Op(Opcode.Mul, d).LdLoc(denominator).Op(Opcode.Div, d);
        }
        else
        {
            b.LdLoc(a).LdLoc(im).LdLoc(ratio).Op(Opcode.Mul, d).Op(Opcode.Add, d).LdLoc(denominator).Op(Opcode.Div, d);
            b.LdLoc(im).LdLoc(a).LdLoc(ratio).Op(Opcode.Mul, d).Op(Opcode.Sub, d).LdLoc(denominator).Op(Opcode.Div, d);
        }
        b.Emit(Opcode.MakeStruct, complex).Return(complex);

        // Otherwise: ratio = c / d, denominator = d + c * ratio.
        Mark(b, largerImaginary);
        b.LdLoc(cr).LdLoc(di).Op(Opcode.Div, d).StLoc(ratio);
        b.LdLoc(di).LdLoc(cr).LdLoc(ratio).Op(Opcode.Mul, d).Op(Opcode.Add, d).StLoc(denominator);
        if (realDividend)
        {
            b.LdLoc(a).LdLoc(ratio).Op(Opcode.Mul, d).LdLoc(denominator).Op(Opcode.Div, d);
            b.LdLoc(a).Op(Opcode.Neg, d).LdLoc(denominator).Op(Opcode.Div, d);
        }
        else
        {
            b.LdLoc(im).LdLoc(a).LdLoc(ratio).Op(Opcode.Mul, d).Op(Opcode.Add, d).LdLoc(denominator).Op(Opcode.Div, d);
            b.LdLoc(a).Op(Opcode.Neg, d).LdLoc(im).LdLoc(ratio).Op(Opcode.Mul, d).Op(Opcode.Add, d).LdLoc(denominator).Op(Opcode.Div, d);
        }
        return b.Emit(Opcode.MakeStruct, complex).Return(complex);
    }

    /// <summary>
    /// Complex / double as .NET 10: a zero divisor gives (NaN, NaN); an infinite or NaN part makes the other part NaN
    /// (both NaN when both parts are); otherwise each part divided.
    /// </summary>
    private static IrBuilder ComplexByDouble(IrBuilder b, IrType complex)
    {
        var d = IrType.F64;
        void Result(System.Action real, System.Action imaginary)
        {
            real();
            imaginary();
            b.Emit(Opcode.MakeStruct, complex).Return(complex);
        }
        void Nan() => b.Const(double.NaN);
        void Part(int i) => b.Arg(0).Field(complex, i).Arg(1).Op(Opcode.Div, d);
        // IsFinite(x) is |x| < +infinity, false for NaN.
        void IsFinite(int i) => b.Arg(0).Field(complex, i).Intrinsic("Math", "Abs", d).Const(double.PositiveInfinity).Op(Opcode.Clt, d);

        b.Arg(1).Const(0.0).Op(Opcode.Ceq, d);
        var nonZero = Branch(b, Opcode.BrFalse);
        Result(Nan, Nan);
        Mark(b, nonZero);
        IsFinite(0);
        var finiteReal = Branch(b, Opcode.BrTrue);
        IsFinite(1);
        var finiteImaginaryOnly = Branch(b, Opcode.BrTrue);
        Result(Nan, Nan);
        Mark(b, finiteImaginaryOnly);
        Result(() => Part(0), Nan);
        Mark(b, finiteReal);
        IsFinite(1);
        var bothFinite = Branch(b, Opcode.BrTrue);
        Result(Nan, () => Part(1));
        Mark(b, bothFinite);
        Result(() => Part(0), () => Part(1));
        return b;
    }

    /// <summary>Appends a conditional branch on the i32 on the stack; its target is set by <see cref="Mark"/>.</summary>
    private static Instruction Branch(IrBuilder b, Opcode op)
    {
        var branch = new Instruction(op) { Type = IrType.I32 };
        b.Function.Body.Add(branch);
        return branch;
    }

    /// <summary>Appends an unconditional branch; its target is set by <see cref="Mark"/>.</summary>
    private static Instruction Jump(IrBuilder b)
    {
        var jump = new Instruction(Opcode.Br);
        b.Function.Body.Add(jump);
        return jump;
    }

    /// <summary>Points <paramref name="branch"/> at the next instruction appended.</summary>
    private static void Mark(IrBuilder b, Instruction branch) => branch.Targets.Add(b.Function.Body.Count);
}
