// Calls: same-module static methods, Math/MathF intrinsics, span/array library members; everything else is reported.
using System.Linq;
using Mono.Cecil;
using NumbaWeaver.IR;
using NumbaWeaver.Weaving.Diagnostics;
using Cil = Mono.Cecil.Cil;

namespace NumbaWeaver.Weaving.Frontend;

internal sealed partial class MethodTranslator
{
    private const string CallAdvice =
        "only static methods of this assembly, static [Njit] methods of other assemblies built with NumbaWeaver, and Math/MathF functions can be called";

    private void TranslateCall(Cil.Instruction ins, MethodReference method)
    {
        if (TryTranslatePrangeCall(method) || TryTranslateTupleCall(ins, method)
            || TryTranslateNumericsCall(ins, method) || TryTranslateGenericMath(ins, method) || TryTranslateGenericUserCall(ins, method)) return;
        switch (method.DeclaringType)
        {
            case GenericInstanceType generic when IsSpanType(generic):
                TranslateSpanMember(ins, method, generic, isNewObject: false);
                return;
            case ArrayType array:
                TranslateArrayTypeMember(ins, method, array);
                return;
        }
        switch (method.DeclaringType.FullName)
        {
            case "System.Array":
                TranslateSystemArrayMember(ins, method);
                return;
            case "System.Math":
                TranslateMathCall(ins, method, "Math");
                return;
            case "System.MathF":
                TranslateMathCall(ins, method, "MathF");
                return;
            case "System.Double" when method.Name == "Hypot":
                EmitNumericsCall(ins, method, thisCount: 0); // an IR function the weaver writes (NumericsLibrary.ComplexHypot.cs)
                return;
            case "System.Double":
                TranslateMathCall(ins, method, "Double");
                return;
            case "System.Single":
                TranslateMathCall(ins, method, "Single");
                return;
            case "System.MemoryExtensions":
                TranslateMemoryExtensions(ins, method);
                return;
            case "System.Numerics.BitOperations":
                TranslateMathCall(ins, method, "BitOperations");
                return;
            case "System.BitConverter":
                TranslateMathCall(ins, method, "BitConverter"); // DoubleToInt64Bits and the other reinterpretations
                return;
            case "NumbaWeaver.Numba/Random":
                TranslateMathCall(ins, method, Intrinsics.RandomType); // Numba.Random.NextDouble() ... (docs/language.md)
                return;
            case "System.Int32" or "System.UInt32" or "System.Int64" or "System.UInt64" when !method.HasThis:
                TranslateMathCall(ins, method, method.DeclaringType.Name); // int.PopCount, uint.IsPow2 ...
                return;
        }
        if (TryTranslateForeignCall(ins, method)) return;
        string? reason = WhyNotCallable(method);
        if (reason != null)
        {
            Report(DiagnosticCodes.UnsupportedCall, $"A call to {method.FullName}{reason}", CallAdvice, null);
            ApplyStackEffect(ins);
            return;
        }
        TranslateUserCall(ins, (MethodDefinition)method);
    }

    private void TranslateNewObject(Cil.Instruction ins, MethodReference constructor)
    {
        if (constructor.DeclaringType is GenericInstanceType generic && IsSpanType(generic))
        {
            TranslateSpanMember(ins, constructor, generic, isNewObject: true);
            return;
        }
        if (constructor.DeclaringType is ArrayType arrayType && TryTranslateNewMultiArray(arrayType, constructor)) return;
        if (TryTranslateNumericsNew(ins, constructor) || TryTranslateNewStruct(ins, constructor)) return;
        string what = constructor.DeclaringType is ArrayType ? "Allocating an array" : "Creating an object";
        Report(DiagnosticCodes.Allocation, $"{what} (new {constructor.DeclaringType.FullName})",
            "allocate in the caller and pass arrays in; use separate numeric variables instead of structs", null);
        ApplyStackEffect(ins);
    }

    private static bool IsSpanType(GenericInstanceType type) =>
        type.ElementType.FullName is "System.Span`1" or "System.ReadOnlySpan`1";

    /// <summary>Null when <paramref name="method"/> is a static method of this module with a body, else why not (for the message).</summary>
    private string? WhyNotCallable(MethodReference method)
    {
        // Another assembly's first: its generic methods are callable too when they are [Njit].
        const string foreign = " (a method of another assembly that is not a static [Njit] method of an assembly built with NumbaWeaver)";
        if (method.DeclaringType.Scope is AssemblyNameReference) return foreign;
        if (method is GenericInstanceMethod || method.HasGenericParameters || method.DeclaringType is GenericInstanceType)
            return " (a generic method)";
        if (method is not MethodDefinition definition || definition.Module != _owner.Module) return foreign;
        if (!definition.IsStatic && !IsStructMember(definition)) return " (an instance method)";
        if (!definition.HasBody) return " (a method without an IL body)";
        if (HasGenericDeclaringType(definition.DeclaringType)) return " (a method of a generic type)";
        return null;
    }

    /// <summary>A call to a static method of this module: the callee is translated too (recursion is fine, names are known up front).</summary>
    private void TranslateUserCall(Cil.Instruction ins, MethodDefinition callee)
    {
        var returnType = TypeMapper.Map(callee.ReturnType);
        var unsupported = callee.Parameters.FirstOrDefault(p => TypeMapper.Map(p.ParameterType) is not { } t || t.Kind == TypeKind.Void);
        if (unsupported != null || returnType == null || returnType.Kind != TypeKind.Void && !returnType.IsScalar && !returnType.IsStruct && returnType.Kind != TypeKind.Array)
        {
            var type = unsupported?.ParameterType ?? callee.ReturnType;
            Report(DiagnosticCodes.UnsupportedType,
                $"A call to {ModuleTranslator.DisplayName(callee)}, whose {(unsupported != null ? "parameter '" + unsupported.Name + "'" : "return value")} has type {TypeMapper.StripModifiers(type).FullName},",
                TypeMapper.SupportedTypesHint, null);
            ApplyStackEffect(ins);
            return;
        }
        for (int i = 0; i < callee.Parameters.Count + (callee.HasThis ? 1 : 0); i++) Pop();
        Emit(Opcode.Call).Name = ModuleTranslator.FunctionName(callee);
        if (returnType.Kind != TypeKind.Void) Push(returnType.StackType);
        if (!_callees.Contains(callee)) _callees.Add(callee);
    }

    /// <summary>Math/MathF calls become intrinsics when the backend implements that overload (see Intrinsics).</summary>
    private void TranslateMathCall(Cil.Instruction ins, MethodReference method, string typeName)
    {
        // 'out' parameters (Math.DivRem, Math.BigMul) map to references.
        var parameters = method.Parameters.Select(p => TypeMapper.MapScalar(p.ParameterType)
            ?? (TypeMapper.StripModifiers(p.ParameterType) is ByReferenceType ? TypeMapper.Map(p.ParameterType) : null)).ToArray();
        // Intrinsic keys pass enums as their underlying type, so Round(double, int digits) would
        // collide with Round(double, MidpointRounding): only the enum overload is the intrinsic.
        bool roundDigits = method.Name == "Round" && method.Parameters.Count == 2
                           && method.Parameters[1].ParameterType.MetadataType == MetadataType.Int32;
        var signature = parameters.Any(p => p == null || p.Kind == TypeKind.Void) || roundDigits || method.HasThis
            ? null
            : Intrinsics.Find(Intrinsics.Key(typeName, method.Name, parameters!));
        if (signature == null)
        {
            string shown = $"{typeName}.{method.Name}({string.Join(", ", method.Parameters.Select(p => p.ParameterType.Name))})";
            string advice = roundDigits || method.Name == "Round" && method.Parameters.Count == 3
                ? "rounding to a number of decimal digits is not compiled yet; scale by a power of ten, use Math.Round(x) or Math.Round(x, MidpointRounding), and scale back"
                : "the supported Math and MathF functions are listed in docs/supported.md";
            Report(DiagnosticCodes.UnsupportedMathFunction, $"The function {shown}", advice, null);
            ApplyStackEffect(ins);
            return;
        }
        for (int i = 0; i < parameters.Length; i++) Pop();
        Emit(Opcode.CallIntrinsic).Name = signature.Name;
        if (signature.ReturnType.Kind != TypeKind.Void) Push(signature.ReturnType.StackType);
    }
}
