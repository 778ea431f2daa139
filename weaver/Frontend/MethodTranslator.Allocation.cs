// Allocation: new T[n], new T[a, b(, c)], stackalloc into a Span, and the bulk members Fill, Clear and CopyTo.
using System.Linq;
using Mono.Cecil;
using NumbaWeaver.IR;
using NumbaWeaver.Weaving.Diagnostics;
using Cil = Mono.Cecil.Cil;
using Code = Mono.Cecil.Cil.Code;

namespace NumbaWeaver.Weaving.Frontend;

/// <summary>
/// Arrays compiled code allocates are .NET arrays the runtime makes (docs/abi.md): they may be passed to
/// other compiled methods and returned. <c>stackalloc</c> appears in CIL as <c>localloc</c> (of the byte
/// size, already overflow-checked by csc's <c>mul.ovf.un</c>) followed by <c>new Span&lt;T&gt;(void*, int)</c>;
/// the pair becomes one <see cref="Opcode.StackAlloc"/> of the element count, and the pointer never exists.
/// </summary>
internal sealed partial class MethodTranslator
{
    /// <summary>The weave-time stand-in for localloc's pointer, consumed by the Span constructor that follows it.</summary>
    private sealed class StackAllocPointer
    {
        public static readonly StackAllocPointer Instance = new();
    }

    private const string AllocationAdvice = "allocate arrays of numbers, bool or char with rank 1 to 3, or pass them in";

    /// <summary>newarr T: a one-dimensional array of a scalar type.</summary>
    private void TranslateNewArray(Cil.Instruction ins)
    {
        var element = TypeMapper.MapScalar((TypeReference)ins.Operand);
        var length = Peek();
        if (element == null || element.Kind == TypeKind.Void || length != IrType.I32 && length != IrType.I64)
        {
            Report(DiagnosticCodes.Allocation, $"Allocating an array ({Describe(ins)})", AllocationAdvice, null);
            ApplyStackEffect(ins);
            return;
        }
        Pop();
        var type = IrType.ArrayOf(element);
        Emit(Opcode.NewArr, type);
        Push(type);
    }

    /// <summary><c>new T[a, b]</c> and <c>new T[a, b, c]</c>: csc calls the array type's constructor taking the lengths.</summary>
    private bool TryTranslateNewMultiArray(ArrayType arrayType, MethodReference constructor)
    {
        var element = TypeMapper.MapScalar(arrayType.ElementType);
        int rank = arrayType.Rank;
        if (element == null || element.Kind == TypeKind.Void || rank < 2 || rank > 3 || constructor.Parameters.Count != rank
            || constructor.Parameters.Any(p => p.ParameterType.MetadataType != MetadataType.Int32))
            return false;
        for (int d = 0; d < rank; d++)
            if (Peek(d) != IrType.I32) return false;
        for (int d = 0; d < rank; d++) Pop();
        var type = IrType.ArrayOf(element, rank);
        Emit(Opcode.NewArr, type);
        Push(type);
        return true;
    }

    /// <summary>localloc: supported when a Span&lt;T&gt;(void*, int) constructor takes the pointer a few instructions later.</summary>
    private void TranslateLocalloc(Cil.Instruction ins)
    {
        var size = Peek();
        if (!StackAllocFeedsSpan(ins, out var element) || element == null || element.Kind == TypeKind.Void || size != IrType.I32 && size != IrType.I64)
        {
            Report(DiagnosticCodes.StackAlloc, "stackalloc other than of numbers, bool or char into a Span<T> (a pointer, an initializer list, structs)",
                "write `Span<T> s = stackalloc T[n];` with T a number, bool or char, and fill it with a loop", null);
            ApplyStackEffect(ins);
            return;
        }
        // The byte size is not needed (the element count follows), but csc's overflow check on it stays.
        Emit(Opcode.Pop, Pop());
        Push(new Slot(Poison, symbol: StackAllocPointer.Instance));
    }

    /// <summary>True when the instructions after localloc load the length and construct a span from the pointer, with no pointer arithmetic between.</summary>
    private static bool StackAllocFeedsSpan(Cil.Instruction localloc, out IrType? element)
    {
        element = null;
        var next = localloc.Next;
        for (int k = 0; k < 6 && next != null; k++, next = next.Next)
        {
            if (next.OpCode.Code is Code.Newobj or Code.Call && next.Operand is MethodReference m)
            {
                if (m.Name != ".ctor" || !IsPointerSpanConstructor(m)) return false;
                element = TypeMapper.MapScalar(((GenericInstanceType)m.DeclaringType).GenericArguments[0]);
                return true;
            }
            if (next.OpCode.Code is Code.Dup || next.OpCode.FlowControl is not Cil.FlowControl.Next) return false;
        }
        return false;
    }

    private static bool IsPointerSpanConstructor(MethodReference m) =>
        m.DeclaringType is GenericInstanceType g && g.ElementType.FullName == "System.Span`1"
        && m.Parameters.Count == 2 && m.Parameters[0].ParameterType.IsPointer
        && m.Parameters[1].ParameterType.MetadataType == MetadataType.Int32;

    /// <summary>
    /// Span members that allocate or move memory: <c>new Span&lt;T&gt;(stackalloc pointer, n)</c> (as newobj or on a
    /// local), Fill, Clear and CopyTo. False when <paramref name="method"/> is none of them.
    /// </summary>
    private bool TryTranslateSpanAllocationMember(Cil.Instruction ins, MethodReference method, IrType span, bool isNewObject)
    {
        if (method.Name == ".ctor" && IsPointerSpanConstructor(method)) return TranslateStackAllocSpan(ins, span, isNewObject);
        switch (method.Name)
        {
            // Fill and Clear of struct elements are not compiled (NJ0103): a struct value is no constant to memset or splat.
            case "Fill" when method.Parameters.Count == 1 && span.Kind == TypeKind.Span && span.Element!.IsScalar:
                if (Peek() != span.Element!.StackType || Peek(1) != span) return false;
                Pop();
                Pop();
                Emit(Opcode.Fill, null, span);
                return true;
            case "Clear" when method.Parameters.Count == 0 && span.Kind == TypeKind.Span && span.Element!.IsScalar:
                if (Peek() != span) return false;
                Pop();
                EmitZero(span.Element!);
                Emit(Opcode.Fill, null, span);
                return true;
            case "CopyTo" when method.Parameters.Count == 1:
                return EmitCopyTo(span);
        }
        return false;
    }

    /// <summary>The length and the localloc marker become StackAlloc; a `call .ctor` on a local also stores into it.</summary>
    private bool TranslateStackAllocSpan(Cil.Instruction ins, IrType span, bool isNewObject)
    {
        var length = Pop();
        var pointer = PopSlot();
        if (pointer.Symbol is not StackAllocPointer || length != IrType.I32 || span.Kind != TypeKind.Span)
        {
            Report(DiagnosticCodes.StackAlloc, "A span over a pointer other than a stackalloc", "use `Span<T> s = stackalloc T[n];` or an array", ins);
            if (isNewObject) Push(Poison);
            else PopSlot(); // the local's address
            return true;
        }
        Emit(Opcode.StackAlloc, span);
        if (isNewObject)
        {
            Push(span);
            return true;
        }
        var target = PopSlot(); // ldloca s; ...; call Span::.ctor(void*, int)
        if (target.SpanLocal < 0)
        {
            Report(DiagnosticCodes.StackAlloc, "stackalloc into a span other than a local", "assign `stackalloc T[n]` to a Span<T> local", ins);
            return true;
        }
        var load = _function.Body[target.LoadIndex];
        load.Op = Opcode.Nop; // the local's old value is not read
        load.Int = 0;
        Emit(Opcode.StLoc, value: target.SpanLocal);
        return true;
    }

    /// <summary>source.CopyTo(Span&lt;T&gt; destination), source a span or (MemoryExtensions) a 1-D array; false when the operands do not fit.</summary>
    private bool EmitCopyTo(IrType source)
    {
        var destination = Peek();
        if (destination.Kind != TypeKind.Span || destination.Element != source.Element || Peek(1) != source) return false;
        Pop();
        Pop();
        Emit(Opcode.CopyTo, destination, source);
        return true;
    }

    /// <summary>Array.Fill(T[], T), Array.Clear(Array): false for other System.Array statics.</summary>
    private bool TryTranslateArrayFillOrClear(MethodReference method)
    {
        if (method.HasThis) return false;
        if (method.Name == "Fill" && method.Parameters.Count == 2)
        {
            var array = Peek(1);
            if (array.Kind != TypeKind.Array || array.Rank != 1 || !array.Element!.IsScalar || Peek() != array.Element.StackType) return false;
            Pop();
            Pop();
            Emit(Opcode.Fill, null, array);
            return true;
        }
        if (method.Name == "Clear" && method.Parameters.Count == 1)
        {
            var array = Peek();
            if (array.Kind != TypeKind.Array || !array.Element!.IsScalar) return false;
            Pop();
            EmitZero(array.Element!);
            Emit(Opcode.Fill, null, array);
            return true;
        }
        return false;
    }

    /// <summary>MemoryExtensions.CopyTo&lt;T&gt;(T[] source, Span&lt;T&gt; destination).</summary>
    private bool TryTranslateArrayCopyTo(MethodReference method)
    {
        if (method.Name != "CopyTo" || method.Parameters.Count != 2 || !method.Parameters[0].ParameterType.IsArray) return false;
        var source = Peek(1);
        return source.Kind == TypeKind.Array && source.Rank == 1 && EmitCopyTo(source);
    }

    /// <summary>The zero of an element's stack type (what Clear stores: all bits zero).</summary>
    private void EmitZero(IrType element)
    {
        var stackType = element.StackType;
        Emit(Opcode.Const, stackType);
    }
}
