// Span views: span.Slice, array.AsSpan(start[, length]), new Span<T>(array, start, length); ranges on spans lower to Slice.
using Mono.Cecil;
using NumbaWeaver.IR;
using Cil = Mono.Cecil.Cil;

namespace NumbaWeaver.Weaving.Frontend;

/// <summary>
/// Each form becomes <see cref="Opcode.Slice"/>: a view over the same memory, so slices passed to
/// other compiled methods are not copied. csc lowers <c>span[1..^1]</c> and <c>span[^1]</c> to
/// Length arithmetic and Slice(start, length) itself. Array ranges (<c>a[1..^1]</c>) allocate a new
/// array (RuntimeHelpers.GetSubArray) and stay unsupported.
/// </summary>
internal sealed partial class MethodTranslator
{
    /// <summary>
    /// The span type of a <c>ref Span&lt;T&gt;</c> local, else null. csc makes such temporaries for
    /// <c>s[1..^1]</c> and only reads through them, so the local can hold a copy of the span: a span's
    /// value changes only by assignment, and assigning through the reference (stobj) stays reported.
    /// </summary>
    private static IrType? SpanBehindReference(TypeReference type) =>
        TypeMapper.StripModifiers(type) is ByReferenceType { ElementType: GenericInstanceType generic } ? TypeMapper.MapSpan(generic) : null;

    /// <summary>Span&lt;T&gt;.Slice(start[, length]) on the span value.</summary>
    private bool TryTranslateSpanSlice(MethodReference method, IrType span)
    {
        if (method.Name != "Slice" || method.Parameters.Count is not (1 or 2)) return false;
        return EmitSlice(span, span, method.Parameters.Count == 2);
    }

    /// <summary>MemoryExtensions.AsSpan(T[] array, int start[, int length]).</summary>
    private bool TryTranslateAsSpanSlice(MethodReference method)
    {
        if (method.Name != "AsSpan" || method.Parameters.Count is not (2 or 3) || method is not GenericInstanceMethod generic
            || method.Parameters[1].ParameterType.MetadataType != MetadataType.Int32
            || method.Parameters.Count == 3 && method.Parameters[2].ParameterType.MetadataType != MetadataType.Int32
            || TypeMapper.MapScalar(generic.GenericArguments[0]) is not { } element || element.Kind == TypeKind.Void)
            return false;
        var source = Peek(method.Parameters.Count - 1);
        if (source.Kind != TypeKind.Array || source.Rank != 1) return false;
        return EmitSlice(IrType.SpanOf(element), source, method.Parameters.Count == 3);
    }

    /// <summary>new Span&lt;T&gt;(array, start, length), as newobj or constructed in a local.</summary>
    private bool TryTranslateSpanConstructorSlice(MethodReference method, IrType span, bool isNewObject)
    {
        if (method.Name != ".ctor" || method.Parameters.Count != 3 || !method.Parameters[0].ParameterType.IsArray) return false;
        var source = Peek(2);
        if (source.Kind != TypeKind.Array || source.Rank != 1 || source.Element != span.Element) return false;
        if (isNewObject) return EmitSlice(span, source, true);
        // ldloca s; array; start; length; call .ctor  ->  array; start; length; Slice; StLoc s
        var target = _stack.Count >= 4 ? _stack[_stack.Count - 4] : default;
        if (target.SpanLocal < 0 || target.LoadIndex < 0) return false;
        var load = _function.Body[target.LoadIndex];
        load.Op = Opcode.Nop;
        load.Int = 0;
        if (!EmitSlice(span, source, true)) return false;
        Pop();
        _stack.RemoveAt(_stack.Count - 1); // the local's address
        Emit(Opcode.StLoc, value: target.SpanLocal);
        return true;
    }

    /// <summary>Pops [length] start source (checking the operand types) and pushes the view; false leaves the stack as it was.</summary>
    private bool EmitSlice(IrType result, IrType source, bool hasLength)
    {
        int operands = hasLength ? 2 : 1;
        for (int d = 0; d < operands; d++)
            if (Peek(d) != IrType.I32) return false;
        if (Peek(operands) != source) return false;
        for (int d = 0; d <= operands; d++) Pop();
        Emit(Opcode.Slice, result, source, hasLength ? 1 : 0);
        Push(result);
        return true;
    }
}
