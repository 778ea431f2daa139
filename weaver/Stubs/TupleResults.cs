// Stub support for entries returning a tuple: native code writes it in IR layout into a stack buffer, the stub rebuilds it.
using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;
using NumbaWeaver.IR;
using NumbaWeaver.Weaving.Frontend;

namespace NumbaWeaver.Weaving.Stubs;

/// <summary>
/// System.ValueTuple has <c>LayoutKind.Auto</c>: the CLR may order its fields as it likes, so native code
/// cannot write one in place. The stub passes a <c>stackalloc</c> buffer as the result pointer instead, and
/// copies each element from its IR offset (docs/abi.md) into the tuple's ItemN field.
/// </summary>
internal static class TupleResults
{
    /// <summary>The IR tuple an entry returns, or null when it returns something else.</summary>
    public static IrType? Of(MethodDefinition method) =>
        TypeMapper.IsTuple(method.ReturnType) ? TypeMapper.MapStruct(method.ReturnType) : null;

    /// <summary>Emits <c>buffer = stackalloc byte[size]</c> (the evaluation stack must be empty, as localloc requires).</summary>
    public static VariableDefinition EmitBuffer(ILProcessor il, MethodBody body, IrType tuple, TypeReference nativeInt)
    {
        var buffer = new VariableDefinition(nativeInt);
        body.Variables.Add(buffer);
        il.Emit(OpCodes.Ldc_I4, tuple.SizeInBytes);
        il.Emit(OpCodes.Conv_U);
        il.Emit(OpCodes.Localloc);
        il.Emit(OpCodes.Stloc, buffer);
        return buffer;
    }

    /// <summary>Emits <c>result.ItemK = *(TK*)(buffer + offsetK)</c> for every element.</summary>
    public static void EmitRebuild(ILProcessor il, ModuleDefinition module, VariableDefinition buffer, VariableDefinition result, IrType tuple)
    {
        var tupleType = (GenericInstanceType)TypeMapper.StripModifiers(result.VariableType);
        // A field of a generic instance is referenced with its open type (!k), as C# compiles it; only the
        // position of the generic parameter is written, so a throwaway owner provides them.
        var open = new TypeReference(tupleType.ElementType.Namespace, tupleType.ElementType.Name, module, tupleType.ElementType.Scope, true);
        for (int k = 0; k < tuple.Fields.Count; k++) open.GenericParameters.Add(new GenericParameter(open));
        for (int k = 0; k < tuple.Fields.Count; k++)
        {
            var field = new FieldReference("Item" + (k + 1), open.GenericParameters[k], tupleType);
            il.Emit(OpCodes.Ldloca, result);
            il.Emit(OpCodes.Ldloc, buffer);
            il.Emit(OpCodes.Ldc_I4, tuple.FieldOffset(k));
            il.Emit(OpCodes.Add);
            il.Emit(OpCodes.Ldobj, tupleType.GenericArguments[k]);
            il.Emit(OpCodes.Stfld, field);
        }
    }
}
