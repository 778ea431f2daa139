// `throw new XException(message)` inside [Njit] code: messages are modelled at weave time, numbers recorded at run time.
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Mono.Cecil;
using NumbaWeaver.IR;
using NumbaWeaver.Weaving.Diagnostics;
using Cil = Mono.Cecil.Cil;
using Code = Mono.Cecil.Cil.Code;

namespace NumbaWeaver.Weaving.Frontend;

/// <summary>
/// Inside a throw statement the translator follows the strings csc builds for the exception's
/// arguments without emitting them: literals (also nameof), string.Concat, string.Format with
/// boxed numbers, number.ToString([format]) and the DefaultInterpolatedStringHandler calls of
/// <c>$"..."</c>. Each number that goes into a message is stored in a hidden local; the throw
/// loads them and becomes <see cref="Opcode.Throw"/> with a <see cref="ThrowDescriptor"/>, and
/// the runtime formats the message as .NET would. Anything else in a throw statement makes the
/// throw a build error (NJ0201).
/// </summary>
internal sealed partial class MethodTranslator
{
    private const string InterpolationHandler = "System.Runtime.CompilerServices.DefaultInterpolatedStringHandler";

    /// <summary>Exceptions compiled code may throw (core library types with string-only constructors).</summary>
    private static readonly HashSet<string> ThrowableExceptions = new()
    {
        "System.Exception", "System.ArgumentException", "System.ArgumentOutOfRangeException",
        "System.ArgumentNullException", "System.InvalidOperationException", "System.NotSupportedException",
        "System.NotImplementedException", "System.IndexOutOfRangeException", "System.ArithmeticException",
        "System.DivideByZeroException", "System.OverflowException", "System.FormatException",
        "System.InvalidCastException", "System.Collections.Generic.KeyNotFoundException",
    };

    private const string ThrowAdvice =
        "throw new E(message) where E is ArgumentException, ArgumentOutOfRangeException, InvalidOperationException " +
        "(or another System exception with string constructors) and the message is made of string literals, nameof " +
        "and interpolated numbers ($\"...{x}...\", string.Format, string.Concat, x.ToString(format))";

    private readonly Dictionary<int, MessageText> _handlerTexts = new();

    private static bool IsInterpolationHandler(TypeReference type) => TypeMapper.StripModifiers(type).FullName == InterpolationHandler;

    private void PushSymbol(object symbol) => Push(new Slot(Poison, symbol: symbol));

    private T? PopSymbol<T>() where T : class => PopSlot().Symbol as T;

    /// <summary>Handles the string-building instructions of throw statements; false for everything else.</summary>
    private bool TryTranslateThrowPart(Cil.Instruction ins)
    {
        if (!_insideThrowStatement.Contains(ins)) return false;
        switch (ins.OpCode.Code)
        {
            case Code.Ldstr:
                PushSymbol(MessageText.Of((string)ins.Operand));
                return true;
            case Code.Ldloca: case Code.Ldloca_S:
                if (ins.Operand is Cil.VariableDefinition v && IsInterpolationHandler(v.VariableType))
                {
                    PushSymbol(new HandlerAddress(v.Index));
                    return true;
                }
                return false;
            case Code.Box:
            {
                var type = ins.Operand as TypeReference;
                if (type == null || !IsFormattableScalar(type, out var scalar) || Peek().IsArrayLike) return false;
                PushSymbol(new BoxedHole(StoreHole(scalar, null, null)));
                return true;
            }
            case Code.Dup when _stack.Count > 0 && _stack[_stack.Count - 1].Symbol is { } symbol:
                PushSymbol(symbol); // the same object: string[] elements are filled through the copy
                return true;
            case Code.Pop when _stack.Count > 0 && _stack[_stack.Count - 1].Symbol != null:
                PopSlot();
                return true;
            case Code.Newarr when ins.Operand is TypeReference { MetadataType: MetadataType.String }:
                // string.Concat(string[]): csc fills the elements in order, so the indices are not needed.
                Emit(Opcode.Pop, Pop());
                PushSymbol(new MessageText());
                return true;
            case Code.Stelem_Ref:
            {
                if (_stack.Count < 3 || _stack[_stack.Count - 3].Symbol is not MessageText array) return false;
                var element = PopSymbol<MessageText>();
                Emit(Opcode.Pop, Pop());
                PopSlot();
                if (element == null) return PoisonArray(array);
                array.Append(element);
                return true;
            }
            case Code.Call: case Code.Callvirt:
                return TryTranslateStringCall((MethodReference)ins.Operand);
            case Code.Newobj when IsInterpolationHandler(((MethodReference)ins.Operand).DeclaringType)
                                  && ((MethodReference)ins.Operand).Parameters.Count == 2:
                // Inside try blocks csc builds the handler as a value (newobj; stloc) rather than in place.
                Emit(Opcode.Pop, Pop());
                Emit(Opcode.Pop, Pop());
                PushSymbol(new MessageText());
                return true;
            case Code.Stloc: case Code.Stloc_S: case Code.Stloc_0: case Code.Stloc_1: case Code.Stloc_2: case Code.Stloc_3:
            {
                int index = StoredLocal(ins);
                if (_stack.Count == 0 || _stack[_stack.Count - 1].Symbol is not MessageText text || index < 0
                    || !IsInterpolationHandler(_method.Body.Variables[index].VariableType))
                    return false;
                PopSlot();
                _handlerTexts[index] = text;
                return true;
            }
            case Code.Newobj:
                return TryTranslateExceptionConstructor((MethodReference)ins.Operand);
            default:
                return false;
        }
    }

    private static int StoredLocal(Cil.Instruction ins) => ins.OpCode.Code switch
    {
        Code.Stloc_0 => 0, Code.Stloc_1 => 1, Code.Stloc_2 => 2, Code.Stloc_3 => 3,
        _ => ins.Operand is Cil.VariableDefinition v ? v.Index : -1,
    };

    /// <summary>Primitive numbers, bool and char (enums would print their names: not supported).</summary>
    private static bool IsFormattableScalar(TypeReference type, out IrType scalar)
    {
        type = TypeMapper.StripModifiers(type);
        scalar = type.MetadataType == MetadataType.ValueType ? IrType.Void : TypeMapper.MapScalar(type) ?? IrType.Void;
        return scalar.IsScalar;
    }

    /// <summary>Pops a number (or a reference to one, for ToString) into a new hidden local.</summary>
    private MessageHole StoreHole(IrType type, string? format, int? alignment)
    {
        var value = Pop();
        if (value.IsByRef) Emit(Opcode.LdInd, type);
        _function.Locals.Add(new IrVariable("message" + _function.Locals.Count.ToString(CultureInfo.InvariantCulture), type));
        int local = _function.Locals.Count - 1;
        Emit(Opcode.StLoc, value: local);
        return new MessageHole(local, type, format, alignment);
    }

    private bool TryTranslateStringCall(MethodReference method)
    {
        string declaring = method.DeclaringType.FullName;
        var ps = method.Parameters;
        if (declaring == InterpolationHandler) return TryTranslateHandlerCall(method);
        if (declaring == "System.String" && method.Name == "Concat" && ps.Count is >= 2 and <= 4
            && ps.All(p => p.ParameterType.MetadataType == MetadataType.String))
        {
            var parts = new MessageText[ps.Count];
            for (int i = ps.Count - 1; i >= 0; i--) parts[i] = PopSymbol<MessageText>()!;
            if (parts.Any(p => p == null)) return Fail(0);
            var text = new MessageText();
            foreach (var p in parts) text.Append(p);
            PushSymbol(text);
            return true;
        }
        if (declaring == "System.String" && method.Name == "Concat" && ps.Count == 1 && ps[0].ParameterType is ArrayType { ElementType.MetadataType: MetadataType.String })
        {
            // The array was built element by element into one message (see Newarr/Stelem_Ref).
            var text = PopSymbol<MessageText>();
            if (text == null || text.Parts.Contains(PoisonMark)) return Fail(0);
            PushSymbol(text);
            return true;
        }
        if (declaring == "System.String" && method.Name == "Format" && ps.Count is >= 2 and <= 4
            && ps[0].ParameterType.MetadataType == MetadataType.String
            && ps.Skip(1).All(p => p.ParameterType.MetadataType == MetadataType.Object))
        {
            var boxes = new BoxedHole?[ps.Count - 1];
            for (int i = boxes.Length - 1; i >= 0; i--) boxes[i] = PopSymbol<BoxedHole>();
            var format = PopSymbol<MessageText>();
            if (format == null || !format.IsLiteral || boxes.Any(b => b == null)) return Fail(0);
            var text = ParseComposite(format.Literal, boxes.Select(b => b!.Hole).ToArray());
            if (text == null) return Fail(0);
            PushSymbol(text);
            return true;
        }
        // x.ToString() / x.ToString("F2") on a number: the receiver is its address.
        if (method.Name == "ToString" && method.HasThis && IsFormattableScalar(method.DeclaringType, out var scalar)
            && (ps.Count == 0 || ps.Count == 1 && ps[0].ParameterType.MetadataType == MetadataType.String))
        {
            string? format = null;
            if (ps.Count == 1)
            {
                var f = PopSymbol<MessageText>();
                if (f == null || !f.IsLiteral) return Fail(1);
                format = f.Literal;
            }
            if (!Peek().IsByRef) return Fail(1);
            PushSymbol(MessageText.Of(StoreHole(scalar, format, null)));
            return true;
        }
        return false;
    }

    /// <summary>The calls csc emits for an interpolated string: .ctor, AppendLiteral, AppendFormatted, ToStringAndClear.</summary>
    private bool TryTranslateHandlerCall(MethodReference method)
    {
        var ps = method.Parameters;
        switch (method.Name)
        {
            case ".ctor" when ps.Count == 2:
            {
                Emit(Opcode.Pop, Pop());
                Emit(Opcode.Pop, Pop());
                var handler = PopSymbol<HandlerAddress>();
                if (handler == null) return Fail(0);
                _handlerTexts[handler.Local] = new MessageText();
                return true;
            }
            case "AppendLiteral":
            {
                var text = PopSymbol<MessageText>();
                var handler = PopSymbol<HandlerAddress>();
                if (text == null || handler == null || !_handlerTexts.TryGetValue(handler.Local, out var built)) return Fail(0);
                built.Append(text);
                return true;
            }
            case "AppendFormatted" when method is GenericInstanceMethod generic:
            {
                // (T value[, int alignment][, string format]); the alignment must be a constant.
                string? format = null;
                int? alignment = null;
                var last = ps[ps.Count - 1].ParameterType.MetadataType;
                if (ps.Count >= 2 && last == MetadataType.String)
                {
                    var f = PopSymbol<MessageText>();
                    if (f == null || !f.IsLiteral) return Fail(ps.Count);
                    format = f.Literal;
                }
                if (ps.Count >= 2 && ps[1].ParameterType.MetadataType == MetadataType.Int32)
                {
                    var constant = format != null ? _current?.Previous?.Previous : _current?.Previous;
                    if (constant == null || !TryConstantInt(constant, out int a)) return Fail(2);
                    alignment = a;
                    Emit(Opcode.Pop, Pop());
                }
                if (!IsFormattableScalar(generic.GenericArguments[0], out var scalar)) return false;
                var hole = StoreHole(scalar, format, alignment);
                var handler = PopSymbol<HandlerAddress>();
                if (handler == null || !_handlerTexts.TryGetValue(handler.Local, out var built)) return Fail(0);
                built.Parts.Add(hole);
                return true;
            }
            case "AppendFormatted" when ps.Count == 1 && ps[0].ParameterType.MetadataType == MetadataType.String:
            {
                var text = PopSymbol<MessageText>();
                var handler = PopSymbol<HandlerAddress>();
                if (text == null || handler == null || !_handlerTexts.TryGetValue(handler.Local, out var built)) return Fail(0);
                built.Append(text);
                return true;
            }
            case "ToStringAndClear":
            {
                var handler = PopSymbol<HandlerAddress>();
                if (handler == null || !_handlerTexts.TryGetValue(handler.Local, out var built)) return Fail(0);
                _handlerTexts.Remove(handler.Local);
                PushSymbol(built);
                return true;
            }
        }
        return false;
    }

    private static bool TryConstantInt(Cil.Instruction ins, out int value)
    {
        value = ins.OpCode.Code switch
        {
            Code.Ldc_I4_M1 => -1, Code.Ldc_I4_0 => 0, Code.Ldc_I4_1 => 1, Code.Ldc_I4_2 => 2, Code.Ldc_I4_3 => 3,
            Code.Ldc_I4_4 => 4, Code.Ldc_I4_5 => 5, Code.Ldc_I4_6 => 6, Code.Ldc_I4_7 => 7, Code.Ldc_I4_8 => 8,
            Code.Ldc_I4_S => (sbyte)ins.Operand, Code.Ldc_I4 => (int)ins.Operand,
            _ => int.MinValue,
        };
        return value != int.MinValue;
    }

    /// <summary>new E(string...) of a throwable core-library exception.</summary>
    private bool TryTranslateExceptionConstructor(MethodReference constructor)
    {
        var type = constructor.DeclaringType;
        if (!ThrowableExceptions.Contains(type.FullName) || !IsCoreLibrary(type.Scope)
            || constructor.Parameters.Any(p => p.ParameterType.MetadataType != MetadataType.String))
            return false;
        var arguments = new MessageText[constructor.Parameters.Count];
        for (int i = arguments.Length - 1; i >= 0; i--) arguments[i] = PopSymbol<MessageText>()!;
        if (arguments.Any(a => a == null))
        {
            Push(Poison);
            return true;
        }
        PushSymbol(new ExceptionValue(type.FullName, arguments.ToList()));
        return true;
    }

    private static bool IsCoreLibrary(IMetadataScope scope) =>
        scope.Name is "System.Runtime" or "System.Private.CoreLib" or "mscorlib" or "netstandard" or "System.Collections";

    /// <summary>Marks a string[] one of whose elements could not be followed.</summary>
    private static readonly object PoisonMark = new();

    private static bool PoisonArray(MessageText array)
    {
        array.Parts.Add(PoisonMark);
        return true;
    }

    /// <summary>A pattern that started but cannot be followed: pops the rest of its operands and leaves poison.</summary>
    private bool Fail(int remainingPops)
    {
        for (int i = 0; i < remainingPops; i++) PopSlot();
        Push(Poison);
        return true;
    }

    /// <summary>`throw` of a modelled exception: load the recorded numbers and raise; anything else is reported.</summary>
    private void TranslateThrow(Cil.Instruction ins)
    {
        var exception = PopSymbol<ExceptionValue>();
        if (exception == null)
        {
            Report(DiagnosticCodes.ExceptionHandling, "This throw", ThrowAdvice, ins);
            return;
        }
        var holes = new List<MessageHole>();
        var templates = new List<string>();
        foreach (var argument in exception.Arguments)
        {
            var template = new StringBuilder();
            foreach (var part in argument.Parts)
            {
                if (part is string s)
                {
                    template.Append(s.Replace("{", "{{").Replace("}", "}}"));
                    continue;
                }
                var hole = (MessageHole)part;
                template.Append('{').Append(holes.Count.ToString(CultureInfo.InvariantCulture));
                if (hole.Alignment is int a) template.Append(',').Append(a.ToString(CultureInfo.InvariantCulture));
                if (hole.Format != null) template.Append(':').Append(hole.Format);
                template.Append('}');
                holes.Add(hole);
            }
            templates.Add(template.ToString());
        }
        foreach (var hole in holes) Emit(Opcode.LdLoc, value: hole.Local);
        var descriptor = new ThrowDescriptor(exception.Type, holes.Select(h => h.Type).ToArray(), templates);
        Emit(Opcode.Throw).Name = descriptor.Encode();
    }
}
