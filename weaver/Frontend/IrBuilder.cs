// A small fluent builder of IR functions written by the weaver itself (the System.Numerics members).
using System;
using NumbaWeaver.IR;

namespace NumbaWeaver.Weaving.Frontend;

/// <summary>Appends instructions to a new non-entry function; each method returns the builder so bodies read as sequences.</summary>
internal sealed class IrBuilder
{
    public IrBuilder(string name, IrType returnType, IrType[] parameters)
    {
        Function = new IrFunction(name, returnType) { Flags = FunctionFlags.None };
        for (int i = 0; i < parameters.Length; i++) Function.Parameters.Add(new IrVariable("p" + i, parameters[i]));
    }

    public IrFunction Function { get; }

    public IrBuilder Emit(Opcode op, IrType? type = null, long value = 0)
    {
        Function.Body.Add(new Instruction(op) { Type = type, Int = value });
        return this;
    }

    public IrBuilder Arg(int index) => Emit(Opcode.LdArg, value: index);

    public IrBuilder Field(IrType structType, int index) => Emit(Opcode.LdFld, structType, index);

    public IrBuilder Op(Opcode op, IrType type) => Emit(op, type);

    public IrBuilder Const(float value)
    {
        Function.Body.Add(new Instruction(Opcode.Const) { Type = IrType.F32, Float = value });
        return this;
    }

    public IrBuilder Const(double value)
    {
        Function.Body.Add(new Instruction(Opcode.Const) { Type = IrType.F64, Float = value });
        return this;
    }

    public IrBuilder ConstI32(int value) => Emit(Opcode.Const, IrType.I32, value);

    /// <summary>A new local of <paramref name="type"/>; returns its index.</summary>
    public int Local(IrType type)
    {
        Function.Locals.Add(new IrVariable("t" + Function.Locals.Count, type));
        return Function.Locals.Count - 1;
    }

    public IrBuilder StLoc(int index) => Emit(Opcode.StLoc, value: index);

    public IrBuilder LdLoc(int index) => Emit(Opcode.LdLoc, value: index);

    /// <summary>Calls the intrinsic <c>Type.Method(parameters)</c>; it must exist (the library uses only exact ones).</summary>
    public IrBuilder Intrinsic(string typeName, string method, params IrType[] parameters)
    {
        var signature = Intrinsics.Find(Intrinsics.Key(typeName, method, parameters))
                        ?? throw new InvalidOperationException($"missing intrinsic {typeName}.{method}");
        Function.Body.Add(new Instruction(Opcode.CallIntrinsic) { Name = signature.Name });
        return this;
    }

    public IrBuilder Return(IrType type) => Emit(Opcode.Ret, type);

    /// <summary>Builds each field of <paramref name="structType"/> with <paramref name="element"/>, then makes and returns the struct.</summary>
    public IrBuilder Elements(IrType structType, Func<int, Action<IrBuilder>> element)
    {
        for (int i = 0; i < structType.Fields.Count; i++) element(i)(this);
        return Emit(Opcode.MakeStruct, structType).Return(structType);
    }

    /// <summary>Field i of argument 0 <paramref name="op"/> field i of argument 1 (or argument 1 itself when it is a scalar).</summary>
    public IrBuilder ElementWise(IrType structType, Opcode op, bool leftIsStruct, bool rightIsStruct)
    {
        var element = structType.Fields[0];
        return Elements(structType, i => b =>
        {
            b.Arg(0);
            if (leftIsStruct) b.Field(structType, i);
            b.Arg(1);
            if (rightIsStruct) b.Field(structType, i);
            b.Op(op, element);
        });
    }

    /// <summary>All fields equal (ordered compare, so NaN is unequal), or its negation; returns the bool.</summary>
    public IrBuilder AllEqual(IrType structType, bool negate)
    {
        var element = structType.Fields[0];
        for (int i = 0; i < structType.Fields.Count; i++)
        {
            Arg(0).Field(structType, i).Arg(1).Field(structType, i).Op(Opcode.Ceq, element);
            if (i > 0) Op(Opcode.And, IrType.I32);
        }
        if (negate) ConstI32(1).Op(Opcode.Xor, IrType.I32);
        return Return(IrType.Bool);
    }

    /// <summary>Stores argument 0 minus argument 1 into a new local (index 0 of the locals used as argument "2" by <see cref="Dot"/>).</summary>
    public IrBuilder Difference(IrType vector)
    {
        _difference = Local(vector);
        ElementWiseValue(vector, Opcode.Sub);
        return StLoc(_difference);
    }

    private int _difference = -1;

    private void ElementWiseValue(IrType vector, Opcode op)
    {
        for (int i = 0; i < vector.Fields.Count; i++) Arg(0).Field(vector, i).Arg(1).Field(vector, i).Op(op, vector.Fields[i]);
        Emit(Opcode.MakeStruct, vector);
    }

    /// <summary>
    /// The dot product of two operands (argument index, or 2 for the <see cref="Difference"/> local), summed as the
    /// SSE4.1 dpps instruction .NET uses: (p0 + p1) + (p2 + p3), with a missing p3 as +0.0f.
    /// </summary>
    public IrBuilder Dot(IrType vector, int left, int right)
    {
        var f = IrType.F32;
        void Product(int i)
        {
            Load(left).Field(vector, i);
            Load(right).Field(vector, i);
            Op(Opcode.Mul, f);
        }
        int n = vector.Fields.Count;
        Product(0);
        Product(1);
        Op(Opcode.Add, f);
        if (n == 2) return this;
        Product(2);
        if (n == 4) Product(3); else Const(0f);
        Op(Opcode.Add, f);
        return Op(Opcode.Add, f);
    }

    private IrBuilder Load(int operand) => operand == 2 ? LdLoc(_difference) : Arg(operand);
}
