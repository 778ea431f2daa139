// System.Numerics Vector2/3/4 and Complex members, and ArgumentNullException.ThrowIfNull on arrays.
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using NumbaWeaver.IR;
using NumbaWeaver.Weaving.Diagnostics;
using Cil = Mono.Cecil.Cil;
using Code = Mono.Cecil.Cil.Code;

namespace NumbaWeaver.Weaving.Frontend;

/// <summary>
/// Members of System.Numerics vectors and Complex are calls of IR functions the weaver writes itself
/// (NumericsLibrary), added to the module once; their fields and Complex.Real/Imaginary are struct field loads.
/// </summary>
internal sealed partial class MethodTranslator
{
    private const string NumericsAdvice =
        "the supported Vector2/3/4, Quaternion and Complex members are listed in docs/supported.md; members whose .NET results cannot be reproduced bit for bit (Complex Abs, Exp, Sqrt, Quaternion Slerp ...) are not compiled: write the formula with the fields";

    /// <summary>The stack symbol standing for ThrowIfNull's parameter-name string.</summary>
    private const string ThrowIfNullName = "ThrowIfNull parameter name";

    private readonly List<IrFunction> _libraryFunctions = new();

    /// <summary>IR functions written by the weaver (System.Numerics members) that this method calls.</summary>
    public IReadOnlyList<IrFunction> LibraryFunctions => _libraryFunctions;

    /// <summary>Calls of System.Numerics members and ThrowIfNull; false for every other call.</summary>
    private bool TryTranslateNumericsCall(Cil.Instruction ins, MethodReference method)
    {
        if (IsThrowIfNull(method)) return TranslateThrowIfNull(ins);
        if (!TypeMapper.IsNumerics(method.DeclaringType)) return false;
        var self = TypeMapper.MapNumerics(method.DeclaringType)!;
        if (method.HasThis && self.Fields[0] == IrType.F64 && method.Name is "get_Real" or "get_Imaginary" && method.Parameters.Count == 0)
        {
            var source = Pop();
            if (source != IrType.RefTo(self)) { ReportStructOperands(ins, 1, source); return true; }
            Emit(Opcode.LdFld, self, value: method.Name == "get_Real" ? 0 : 1);
            Push(IrType.F64);
            return true;
        }
        bool onAddress = method.HasThis && method.Name == ".ctor";
        if (!EmitNumericsCall(ins, method, onAddress ? 0 : method.HasThis ? 1 : 0)) return true;
        if (onAddress)
        {
            // `.ctor` on an address (`v = new Vector3(..)` into a local): the value is built, then stored through it.
            var target = Peek(1);
            if (target != IrType.RefTo(self)) { ReportStructOperands(ins, 1, Pop(), target); return true; }
            Pop();
            Pop();
            Emit(Opcode.StInd, self);
        }
        return true;
    }

    /// <summary><c>newobj</c> of a System.Numerics type; false for other types.</summary>
    private bool TryTranslateNumericsNew(Cil.Instruction ins, MethodReference constructor)
    {
        if (!TypeMapper.IsNumerics(constructor.DeclaringType)) return false;
        EmitNumericsCall(ins, constructor, thisCount: 0);
        return true;
    }

    /// <summary>Pops the arguments (and <c>this</c>), calls the library function and pushes its result; false after a report.</summary>
    private bool EmitNumericsCall(Cil.Instruction ins, MethodReference method, int thisCount)
    {
        string name = ModuleTranslator.FunctionName(method);
        var function = _libraryFunctions.FirstOrDefault(f => f.Name == name) ?? NumericsLibrary.Build(method, name);
        if (function == null)
        {
            Report(DiagnosticCodes.UnsupportedCall, $"The member {method.DeclaringType.Name}.{MemberName(method)}", NumericsAdvice, null);
            ApplyStackEffect(ins);
            return false;
        }
        int count = function.Parameters.Count;
        var operands = new IrType[count];
        for (int i = 0; i < count; i++) operands[i] = Peek(count - 1 - i);
        if (operands.Where((t, i) => t != function.Parameters[i].Type.StackType).Any())
        {
            ReportStructOperands(ins, 0, operands);
            return false;
        }
        for (int i = 0; i < count; i++) Pop();
        Emit(Opcode.Call).Name = name;
        Push(function.ReturnType.StackType);
        if (!_libraryFunctions.Contains(function)) _libraryFunctions.Add(function);
        return true;
    }

    /// <summary>Complex.Zero, One and ImaginaryOne (static readonly fields of another assembly) as constants.</summary>
    private bool TryTranslateNumericsStatic(Cil.Instruction ins)
    {
        if (ins.OpCode.Code != Code.Ldsfld || ins.Operand is not FieldReference field || !TypeMapper.IsNumerics(field.DeclaringType)) return false;
        var self = TypeMapper.MapNumerics(field.DeclaringType)!;
        (double Real, double Imaginary)? value = field.Name switch
        {
            "Zero" => (0.0, 0.0),
            "One" => (1.0, 0.0),
            "ImaginaryOne" => (0.0, 1.0),
            _ => null,
        };
        if (self.Fields[0] != IrType.F64 || value == null) return false;
        Emit(Opcode.Const, IrType.F64).Float = value.Value.Real;
        Emit(Opcode.Const, IrType.F64).Float = value.Value.Imaginary;
        Emit(Opcode.MakeStruct, self);
        Push(self);
        return true;
    }

    private static bool IsThrowIfNull(MethodReference method) =>
        method.DeclaringType.FullName == "System.ArgumentNullException" && method.Name == "ThrowIfNull" && !method.HasThis
        && method.Parameters.Count == 2 && method.Parameters[0].ParameterType.MetadataType == MetadataType.Object;

    /// <summary>The <c>ldstr</c> of ThrowIfNull's CallerArgumentExpression: a placeholder, the string is never used.</summary>
    private bool TryTranslateThrowIfNullName(Cil.Instruction ins) =>
        ins.OpCode.Code == Code.Ldstr && ins.Next is { } next && next.OpCode.Code == Code.Call
        && next.Operand is MethodReference m && IsThrowIfNull(m) && PushPlaceholder();

    private bool PushPlaceholder()
    {
        PushSymbol(ThrowIfNullName);
        return true;
    }

    /// <summary>Arrays in compiled code are never null (the stub runs the original C# for null arrays), so the guard is dropped.</summary>
    private bool TranslateThrowIfNull(Cil.Instruction ins)
    {
        PopSlot(); // the parameter name
        var argument = Pop();
        if (!argument.IsArrayLike || argument.Kind is TypeKind.Span or TypeKind.ReadOnlySpan)
        {
            Report(DiagnosticCodes.UnsupportedCall, $"ArgumentNullException.ThrowIfNull on a {argument}",
                "ThrowIfNull is compiled for array parameters and locals (which are never null in compiled code)", null);
            return true;
        }
        Emit(Opcode.Pop, argument);
        return true;
    }
}
