// initobj (`x = default`): a span local gets the empty span, a referenced scalar gets zero.
using NumbaWeaver.IR;
using NumbaWeaver.Weaving.Diagnostics;
using Cil = Mono.Cecil.Cil;

namespace NumbaWeaver.Weaving.Frontend;

internal sealed partial class MethodTranslator
{
    /// <summary>Hidden never-written locals (one per span type): the backend zero-initialises locals, so each holds the empty span.</summary>
    private readonly System.Collections.Generic.Dictionary<IrType, int> _emptySpanLocals = new();

    private void TranslateInitObj(Cil.Instruction ins)
    {
        var target = PopSlot();
        var type = target.Type;
        if (target.SpanLocal >= 0)
        {
            // `ldloca s; initobj Span<T>`: the LdLoc standing for the address is not needed.
            var load = _function.Body[target.LoadIndex];
            load.Op = Opcode.Nop;
            load.Int = 0;
            Emit(Opcode.LdLoc, value: EmptySpanLocal(type));
            Emit(Opcode.StLoc, value: target.SpanLocal);
            return;
        }
        if (type.IsByRef && type.Element is { IsStruct: true } structType)
        {
            Emit(Opcode.InitObj, structType);
            return;
        }
        if (type.IsByRef && type.Element is { IsScalar: true } element)
        {
            var zero = Emit(Opcode.Const, element.StackType);
            if (element.StackType.IsFloat) zero.Float = 0;
            Emit(Opcode.StInd, element);
            return;
        }
        Report(DiagnosticCodes.UnsupportedInstruction, $"'{Describe(ins)}' on a {type}",
            "assign `default` only to local variables of numeric or span type", null);
    }

    private int EmptySpanLocal(IrType span)
    {
        if (_emptySpanLocals.TryGetValue(span, out int index)) return index;
        index = _function.Locals.Count;
        _function.Locals.Add(new IrVariable("empty." + (span.Kind == TypeKind.Span ? "span" : "rospan") + "." + span.Element, span));
        _emptySpanLocals.Add(span, index);
        return index;
    }
}
