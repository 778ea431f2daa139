// IR bodies of double.Hypot, and of Complex.Abs, Magnitude and Sqrt built on it, step for step as .NET 10 computes them.
using NumbaWeaver.IR;

namespace NumbaWeaver.Weaving.Frontend;

/// <summary>
/// .NET 10's <c>Complex.Abs</c> is <c>double.Hypot</c>: finite parts more than 53 binades apart just add; otherwise
/// both are scaled by 2^-600 (or 2^600, subnormals once more) when either exponent is far from 1, split into 26-bit
/// heads and tails, and their squares summed with the rounding errors of each step before one square root and the
/// scale back. Written from that description and compared with .NET on seven million inputs (random bit patterns,
/// subnormals, huge and tiny parts, equal exponents, infinities and NaNs) before it came here; the differential
/// tests keep it bit for bit.
/// </summary>
internal static partial class NumericsLibrary
{
    private const long ScaleBits = 0x2580000000000000;    // 600 in the exponent field
    private const long SubnormalBits = 0x0010000000000000; // one more binade for a subnormal part
    private const long HeadMask = unchecked((long)0xFFFF_FFFF_F800_0000);

    /// <summary>2^<paramref name="exponent"/> for a normal exponent (netstandard2.0 has no Math.ScaleB).</summary>
    private static double PowerOfTwo(int exponent) => System.BitConverter.Int64BitsToDouble((long)(1023 + exponent) << 52);

    /// <summary>|c| for the complex argument 0 (a value, or a reference for the Magnitude property).</summary>
    private static IrBuilder ComplexAbs(IrBuilder b, IrType complex)
    {
        int result = b.Local(IrType.F64);
        Hypot(b, () => b.Arg(0).Field(complex, 0), () => b.Arg(0).Field(complex, 1), result);
        return b.LdLoc(result).Return(IrType.F64);
    }

    /// <summary>
    /// Complex.Sqrt as .NET 10: NaN and zero-imaginary cases first; parts at or above MaxValue / (1 + sqrt 2) are
    /// quartered (an infinite imaginary part gives (+inf, im)); then the root of (hypot ± |re|) / 2 for the part that
    /// does not cancel, the other part divided out, and the quartering undone by doubling.
    /// </summary>
    private static IrBuilder ComplexSqrt(IrBuilder b, IrType complex)
    {
        var d = IrType.F64;
        int re = b.Local(d), im = b.Local(d), rc = b.Local(d), ic = b.Local(d), h = b.Local(d), x = b.Local(d), y = b.Local(d);
        int rescale = b.Local(IrType.I32);
        IrBuilder Result(System.Action real, System.Action imaginary)
        {
            real();
            imaginary();
            return b.Emit(Opcode.MakeStruct, complex).Return(complex);
        }
        void Push(int local) => b.LdLoc(local);
        void Value(double v) => b.Const(v);
        Instruction If(System.Action condition, Opcode skipWhen)
        {
            condition();
            return Branch(b, skipWhen);
        }

        b.Arg(0).Field(complex, 0).StLoc(re).Arg(0).Field(complex, 1).StLoc(im);

        var realNumber = If(() => b.LdLoc(re).Intrinsic("Double", "IsNaN", d), Opcode.BrFalse);
        var imaginaryFinite = If(() => b.LdLoc(im).Intrinsic("Double", "IsInfinity", d), Opcode.BrFalse);
        Result(() => Value(double.PositiveInfinity), () => Push(im));
        Mark(b, imaginaryFinite);
        Result(() => Value(double.NaN), () => Value(double.NaN));
        Mark(b, realNumber);

        var imaginaryNumber = If(() => b.LdLoc(im).Intrinsic("Double", "IsNaN", d), Opcode.BrFalse);
        var notPlusInfinity = If(() => b.LdLoc(re).Intrinsic("Double", "IsPositiveInfinity", d), Opcode.BrFalse);
        Result(() => Value(double.NaN), () => Value(double.PositiveInfinity));
        Mark(b, notPlusInfinity);
        var notMinusInfinity = If(() => b.LdLoc(re).Intrinsic("Double", "IsNegativeInfinity", d), Opcode.BrFalse);
        Result(() => Value(double.PositiveInfinity), () => Value(double.NaN));
        Mark(b, notMinusInfinity);
        Result(() => Value(double.NaN), () => Value(double.NaN));
        Mark(b, imaginaryNumber);

        var complexArgument = If(() => b.LdLoc(im).Const(0.0).Op(Opcode.Ceq, d), Opcode.BrFalse);
        var nonNegative = If(() => b.LdLoc(re).Const(0.0).Op(Opcode.Clt, d), Opcode.BrFalse);
        Result(() => Value(0.0), () => b.LdLoc(re).Op(Opcode.Neg, d).Intrinsic("Math", "Sqrt", d));
        Mark(b, nonNegative);
        Result(() => b.LdLoc(re).Intrinsic("Math", "Sqrt", d), () => Value(0.0));
        Mark(b, complexArgument);

        // |part| >= threshold, NaN excluded above: not (|part| < threshold or unordered).
        double threshold = double.MaxValue / (System.Math.Sqrt(2.0) + 1.0);
        b.ConstI32(0).StLoc(rescale);
        b.LdLoc(re).StLoc(rc).LdLoc(im).StLoc(ic);
        b.LdLoc(rc).Intrinsic("Math", "Abs", d).Const(threshold).Op(Opcode.CltUn, d);
        b.LdLoc(ic).Intrinsic("Math", "Abs", d).Const(threshold).Op(Opcode.CltUn, d).Op(Opcode.And, IrType.I32);
        var inRange = Branch(b, Opcode.BrTrue);
        var finiteImaginary = If(() => b.LdLoc(im).Intrinsic("Double", "IsInfinity", d), Opcode.BrFalse);
        Result(() => Value(double.PositiveInfinity), () => Push(ic));
        Mark(b, finiteImaginary);
        b.LdLoc(rc).Const(0.25).Op(Opcode.Mul, d).StLoc(rc);
        b.LdLoc(ic).Const(0.25).Op(Opcode.Mul, d).StLoc(ic);
        b.ConstI32(1).StLoc(rescale);
        Mark(b, inRange);

        Hypot(b, () => b.LdLoc(rc), () => b.LdLoc(ic), h);
        var negativeReal = If(() => b.LdLoc(rc).Const(0.0).Op(Opcode.CltUn, d), Opcode.BrTrue); // rc >= 0.0
        b.LdLoc(h).LdLoc(rc).Op(Opcode.Add, d).Const(0.5).Op(Opcode.Mul, d).Intrinsic("Math", "Sqrt", d).StLoc(x);
        b.LdLoc(ic).Const(2.0).LdLoc(x).Op(Opcode.Mul, d).Op(Opcode.Div, d).StLoc(y);
        var rootsDone = Jump(b);
        Mark(b, negativeReal);
        b.LdLoc(h).LdLoc(rc).Op(Opcode.Sub, d).Const(0.5).Op(Opcode.Mul, d).Intrinsic("Math", "Sqrt", d).StLoc(y);
        var positiveImaginary = If(() => b.LdLoc(ic).Const(0.0).Op(Opcode.Clt, d), Opcode.BrFalse);
        b.LdLoc(y).Op(Opcode.Neg, d).StLoc(y);
        Mark(b, positiveImaginary);
        b.LdLoc(ic).Const(2.0).LdLoc(y).Op(Opcode.Mul, d).Op(Opcode.Div, d).StLoc(x);
        Mark(b, rootsDone);

        var noRescale = If(() => b.LdLoc(rescale), Opcode.BrFalse);
        b.LdLoc(x).Const(2.0).Op(Opcode.Mul, d).StLoc(x);
        b.LdLoc(y).Const(2.0).Op(Opcode.Mul, d).StLoc(y);
        Mark(b, noRescale);
        return Result(() => Push(x), () => Push(y));
    }

    /// <summary>double.Hypot(x, y) itself, for user code that calls it.</summary>
    private static IrBuilder HypotFunction(string name)
    {
        var b = new IrBuilder(name, IrType.F64, new[] { IrType.F64, IrType.F64 });
        int result = b.Local(IrType.F64);
        Hypot(b, () => b.Arg(0), () => b.Arg(1), result);
        return b.LdLoc(result).Return(IrType.F64);
    }

    /// <summary>Stores double.Hypot(x, y) in <paramref name="result"/> and continues after it; x and y are pushed by the loaders.</summary>
    private static void Hypot(IrBuilder b, System.Action loadX, System.Action loadY, int result)
    {
        var (d, l, i) = (IrType.F64, IrType.I64, IrType.I32);
        var done = new System.Collections.Generic.List<Instruction>();
        void Finish() // result = the value on the stack; jump past the end
        {
            b.StLoc(result);
            done.Add(Jump(b));
        }
        int ax = b.Local(d), ay = b.Local(d), xBits = b.Local(l), yBits = b.Local(l), xExp = b.Local(i), yExp = b.Local(i);
        int expDiff = b.Local(i), expFix = b.Local(d), xHead = b.Local(d), yHead = b.Local(d), xTail = b.Local(d), yTail = b.Local(d);
        int xx = b.Local(d), yy = b.Local(d), rHead = b.Local(d), rTail = b.Local(d), swap = b.Local(d), swapBits = b.Local(l);

        IrBuilder Part(int k)
        {
            if (k == 0) loadX(); else loadY();
            return b;
        }
        void Bits(int from, int to) => b.LdLoc(from).Intrinsic("BitConverter", "DoubleToInt64Bits", d).StLoc(to);
        void FromBits(int from, int to) => b.LdLoc(from).Intrinsic("BitConverter", "Int64BitsToDouble", l).StLoc(to);
        void AddBits(int local, long value) => b.LdLoc(local).Emit(Opcode.Const, l, value).Op(Opcode.Add, l).StLoc(local);
        void Exponent(int bits, int to)
        {
            b.LdLoc(bits).ConstI32(52).Op(Opcode.ShrUn, l).Emit(Opcode.Const, l, 0x7FF).Op(Opcode.And, l);
            b.Function.Body.Add(new Instruction(Opcode.Conv) { Type = i, Type2 = l });
            b.StLoc(to);
        }
        void ReturnLocal(int local)
        {
            b.LdLoc(local);
            Finish();
        }

        // Not both finite: +infinity if either part is infinite (even beside a NaN), else NaN.
        Part(0).Intrinsic("Double", "IsFinite", d);
        var realNotFinite = Branch(b, Opcode.BrFalse);
        Part(1).Intrinsic("Double", "IsFinite", d);
        var imaginaryNotFinite = Branch(b, Opcode.BrFalse);

        Part(0).Intrinsic("Math", "Abs", d).StLoc(ax);
        Part(1).Intrinsic("Math", "Abs", d).StLoc(ay);
        b.LdLoc(ax).Const(0.0).Op(Opcode.Ceq, d);
        var xNonZero = Branch(b, Opcode.BrFalse);
        ReturnLocal(ay);
        Mark(b, xNonZero);
        b.LdLoc(ay).Const(0.0).Op(Opcode.Ceq, d);
        var yNonZero = Branch(b, Opcode.BrFalse);
        ReturnLocal(ax);
        Mark(b, yNonZero);

        Bits(ax, xBits);
        Bits(ay, yBits);
        Exponent(xBits, xExp);
        Exponent(yBits, yExp);
        b.LdLoc(xExp).LdLoc(yExp).Op(Opcode.Sub, i).StLoc(expDiff);
        // More than 53 binades apart: the smaller part is below half an ulp of the larger.
        b.LdLoc(expDiff).ConstI32(53).Op(Opcode.Cgt, i);
        var farApart = Branch(b, Opcode.BrTrue);
        b.LdLoc(expDiff).ConstI32(-53).Op(Opcode.Clt, i);
        var farApartBelow = Branch(b, Opcode.BrTrue);

        b.Const(1.0).StLoc(expFix);
        b.LdLoc(xExp).ConstI32(1023 + 500).Op(Opcode.Cgt, i).LdLoc(yExp).ConstI32(1023 + 500).Op(Opcode.Cgt, i).Op(Opcode.Or, i);
        var notLarge = Branch(b, Opcode.BrFalse);
        b.Const(PowerOfTwo(600)).StLoc(expFix);
        AddBits(xBits, -ScaleBits);
        AddBits(yBits, -ScaleBits);
        var largeDone = Jump(b);
        Mark(b, notLarge);
        b.LdLoc(xExp).ConstI32(1023 - 500).Op(Opcode.Clt, i).LdLoc(yExp).ConstI32(1023 - 500).Op(Opcode.Clt, i).Op(Opcode.Or, i);
        var notSmall = Branch(b, Opcode.BrFalse);
        b.Const(PowerOfTwo(-600)).StLoc(expFix);
        AddBits(xBits, ScaleBits);
        AddBits(yBits, ScaleBits);
        foreach (var (exp, bits, value) in new[] { (xExp, xBits, ax), (yExp, yBits, ay) })
        {
            // A subnormal part: its scaled bits lack the implicit one; add a binade and subtract it as a value.
            b.LdLoc(exp).ConstI32(0).Op(Opcode.Ceq, i);
            var normal = Branch(b, Opcode.BrFalse);
            AddBits(bits, SubnormalBits);
            FromBits(bits, value);
            b.LdLoc(value).Const(PowerOfTwo(-422)).Op(Opcode.Sub, d).StLoc(value);
            Bits(value, bits);
            Mark(b, normal);
        }
        Mark(b, notSmall);
        Mark(b, largeDone);

        FromBits(xBits, ax);
        FromBits(yBits, ay);
        b.LdLoc(ax).LdLoc(ay).Op(Opcode.Clt, d);
        var sorted = Branch(b, Opcode.BrFalse);
        b.LdLoc(ax).StLoc(swap).LdLoc(ay).StLoc(ax).LdLoc(swap).StLoc(ay);
        b.LdLoc(xBits).StLoc(swapBits).LdLoc(yBits).StLoc(xBits).LdLoc(swapBits).StLoc(yBits);
        Mark(b, sorted);

        foreach (var (bits, head) in new[] { (xBits, xHead), (yBits, yHead) })
            b.LdLoc(bits).Emit(Opcode.Const, l, HeadMask).Op(Opcode.And, l).Intrinsic("BitConverter", "Int64BitsToDouble", l).StLoc(head);
        b.LdLoc(ax).LdLoc(xHead).Op(Opcode.Sub, d).StLoc(xTail);
        b.LdLoc(ay).LdLoc(yHead).Op(Opcode.Sub, d).StLoc(yTail);
        b.LdLoc(ax).LdLoc(ax).Op(Opcode.Mul, d).StLoc(xx);
        b.LdLoc(ay).LdLoc(ay).Op(Opcode.Mul, d).StLoc(yy);
        b.LdLoc(xx).LdLoc(yy).Op(Opcode.Add, d).StLoc(rHead);
        b.LdLoc(xx).LdLoc(rHead).Op(Opcode.Sub, d).LdLoc(yy).Op(Opcode.Add, d).StLoc(rTail);
        void SquareErrors(int head, int tail, int square)
        {
            // rTail += head * head - square; rTail += head * 2 * tail; rTail += tail * tail (each added in that order).
            b.LdLoc(rTail).LdLoc(head).LdLoc(head).Op(Opcode.Mul, d).LdLoc(square).Op(Opcode.Sub, d).Op(Opcode.Add, d).StLoc(rTail);
            b.LdLoc(rTail).LdLoc(head).Const(2.0).Op(Opcode.Mul, d).LdLoc(tail).Op(Opcode.Mul, d).Op(Opcode.Add, d).StLoc(rTail);
            b.LdLoc(rTail).LdLoc(tail).LdLoc(tail).Op(Opcode.Mul, d).Op(Opcode.Add, d).StLoc(rTail);
        }
        SquareErrors(xHead, xTail, xx);
        b.LdLoc(expDiff).ConstI32(0).Op(Opcode.Ceq, i);
        var differentExponents = Branch(b, Opcode.BrFalse);
        SquareErrors(yHead, yTail, yy);
        Mark(b, differentExponents);
        b.LdLoc(rHead).LdLoc(rTail).Op(Opcode.Add, d).Intrinsic("Math", "Sqrt", d).LdLoc(expFix).Op(Opcode.Mul, d);
        Finish();

        Mark(b, farApart);
        Mark(b, farApartBelow);
        b.LdLoc(ax).LdLoc(ay).Op(Opcode.Add, d);
        Finish();

        Mark(b, realNotFinite);
        Mark(b, imaginaryNotFinite);
        Part(0).Intrinsic("Double", "IsInfinity", d);
        var realInfinite = Branch(b, Opcode.BrTrue);
        Part(1).Intrinsic("Double", "IsInfinity", d);
        var imaginaryInfinite = Branch(b, Opcode.BrTrue);
        b.Const(double.NaN);
        Finish();
        Mark(b, realInfinite);
        Mark(b, imaginaryInfinite);
        b.Const(double.PositiveInfinity).StLoc(result);
        foreach (var jump in done) Mark(b, jump);
    }
}
