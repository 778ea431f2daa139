// Imported references the stubs call: the first-call entry points, the status thrower, pinning helpers.
using System;
using System.Linq;
using Mono.Cecil;

namespace NumbaWeaver.Weaving.Stubs;

/// <summary>Resolves and imports, once per module, the methods stubs need.</summary>
public sealed class RuntimeReferences
{
    private readonly ModuleDefinition _module;
    private readonly MethodDefinition _getSpanReference;
    private readonly MethodDefinition _getReadOnlySpanReference;

    public RuntimeReferences(ModuleDefinition module, Func<string, TypeDefinition> findType)
    {
        _module = module;
        var dispatcher = findType("NumbaWeaver.Dispatch.Dispatcher");
        Resolve = module.ImportReference(dispatcher.Methods.Single(m => m.Name == "Resolve"));
        ResolveIndexed = module.ImportReference(dispatcher.Methods.Single(m => m.Name == "ResolveIndexed"));
        // A stub's first call and its status go to the small entry assembly, so a clean native hit never loads the runtime
        // assembly (docs/abi.md); the runtime's Dispatcher keeps the same entry points for stubs woven before it existed.
        var firstCall = findType("NumbaWeaver.Entry.FirstCall");
        ResolveIndexedIn = module.ImportReference(firstCall.Methods.Single(m => m.Name == "ResolveIndexedIn"));
        ResolveGenericListedIn = module.ImportReference(firstCall.Methods.Single(m => m.Name == "ResolveGenericListedIn"));
        ResolveIndexedWithIndexes = module.ImportReference(firstCall.Methods.Single(m => m.Name == "ResolveIndexedWithIndexes"));
        CreateException = module.ImportReference(firstCall.Methods.Single(m => m.Name == "ExceptionFor"));

        // The allocation scope too lives in the entry assembly: a stub calling other assemblies opens one, and its JIT
        // would otherwise load the runtime. Only a kernel returning a new array asks the runtime for it (Returned).
        var scope = findType("NumbaWeaver.Entry.AllocationScope");
        EnterAllocations = module.ImportReference(scope.Methods.Single(m => m.Name == "Enter"));
        ExitAllocations = module.ImportReference(scope.Methods.Single(m => m.Name == "Exit"));
        var allocations = findType("NumbaWeaver.Dispatch.Allocations");
        ReturnedArray = module.ImportReference(allocations.Methods.Single(m => m.Name == "Returned"));

        var marshal = findType("System.Runtime.InteropServices.MemoryMarshal");
        GetArrayDataReferenceUntyped = module.ImportReference(
            marshal.Methods.Single(m => m.Name == "GetArrayDataReference" && !m.HasGenericParameters));
        _getSpanReference = marshal.Methods.Single(m => m.Name == "GetReference" && IsSpanParam(m, "System.Span`1"));
        _getReadOnlySpanReference = marshal.Methods.Single(m => m.Name == "GetReference" && IsSpanParam(m, "System.ReadOnlySpan`1"));

        var array = findType("System.Array");
        ArrayGetLength = module.ImportReference(array.Methods.Single(m => m.Name == "GetLength" && m.Parameters.Count == 1));
        IntPtr = module.ImportReference(findType("System.IntPtr"));
        RuntimeTypeHandle = module.ImportReference(findType("System.RuntimeTypeHandle"));
        CallConvCdecl = module.ImportReference(findType("System.Runtime.CompilerServices.CallConvCdecl"));
        CallConvSuppressGCTransition = module.ImportReference(findType("System.Runtime.CompilerServices.CallConvSuppressGCTransition"));

        SystemType = module.ImportReference(findType("System.Type"));
        var dynamicDependency = findType("System.Diagnostics.CodeAnalysis.DynamicDependencyAttribute");
        DynamicDependencyOnMember = module.ImportReference(dynamicDependency.Methods.Single(m => m.IsConstructor && m.Parameters.Count == 2
            && m.Parameters[0].ParameterType.FullName == "System.String" && m.Parameters[1].ParameterType.FullName == "System.Type"));
    }

    /// <summary><c>System.Type</c>, for attribute arguments.</summary>
    public TypeReference SystemType { get; }

    /// <summary><c>DynamicDependencyAttribute(string memberSignature, Type type)</c> (weaver/Stubs/ReflectedFields.cs).</summary>
    public MethodReference DynamicDependencyOnMember { get; }

    private static bool IsSpanParam(MethodDefinition m, string spanName) =>
        m.Parameters.Count == 1 && m.Parameters[0].ParameterType is GenericInstanceType g && g.ElementType.FullName == spanName;

    /// <summary><c>nint Dispatcher.Resolve(RuntimeTypeHandle owner, string irFunctionName)</c>.</summary>
    public MethodReference Resolve { get; }

    /// <summary><c>nint Dispatcher.ResolveIndexed(RuntimeTypeHandle owner, string irFunctionName, string irFingerprint, int flags)</c>.</summary>
    public MethodReference ResolveIndexed { get; }

    /// <summary><c>nint FirstCall.ResolveIndexedIn(RuntimeTypeHandle owner, string assemblyName, string irFunctionName, string irFingerprint, int flags)</c>.</summary>
    public MethodReference ResolveIndexedIn { get; }

    /// <summary><c>nint FirstCall.ResolveIndexedWithIndexes(RuntimeTypeHandle owner, string assemblyName, string irFunctionName, string irFingerprintAndCallees, int flags, nint foreignIndexes)</c>.</summary>
    public MethodReference ResolveIndexedWithIndexes { get; }

    /// <summary><c>nint FirstCall.ResolveGenericListedIn(RuntimeTypeHandle owner, string assemblyName, string irFunctionName, string listedInstances, RuntimeTypeHandle[] typeArguments)</c>.</summary>
    public MethodReference ResolveGenericListedIn { get; }

    /// <summary><c>Exception FirstCall.ExceptionFor(int status)</c> (the runtime's StatusThrower.Create).</summary>
    public MethodReference CreateException { get; }

    /// <summary><c>int AllocationScope.Enter()</c>: the start of a call's allocation scope.</summary>
    public MethodReference EnterAllocations { get; }

    /// <summary><c>void AllocationScope.Exit(int mark)</c>: releases what the call allocated.</summary>
    public MethodReference ExitAllocations { get; }

    /// <summary><c>object Allocations.Returned(nint data, int mark)</c>: the array object a compiled method returned.</summary>
    public MethodReference ReturnedArray { get; }

    /// <summary><c>ref byte MemoryMarshal.GetArrayDataReference(Array)</c> for arrays of every rank (not the generic overload, which the JIT compiles per element type).</summary>
    public MethodReference GetArrayDataReferenceUntyped { get; }

    public MethodReference ArrayGetLength { get; }
    public TypeReference IntPtr { get; }
    public TypeReference RuntimeTypeHandle { get; }

    /// <summary>Calling-convention modifiers of <c>delegate* unmanaged[Cdecl, SuppressGCTransition]</c>.</summary>
    public TypeReference CallConvCdecl { get; }
    public TypeReference CallConvSuppressGCTransition { get; }

    /// <summary><c>ref T MemoryMarshal.GetReference&lt;T&gt;(Span&lt;T&gt;)</c> or the ReadOnlySpan overload.</summary>
    public MethodReference GetSpanReference(GenericInstanceType spanType)
    {
        bool readOnly = spanType.ElementType.FullName == "System.ReadOnlySpan`1";
        var m = new GenericInstanceMethod(_module.ImportReference(readOnly ? _getReadOnlySpanReference : _getSpanReference));
        m.GenericArguments.Add(spanType.GenericArguments[0]);
        return m;
    }

    /// <summary><c>int Span&lt;T&gt;.Length</c> getter on the given instantiation.</summary>
    public MethodReference SpanLength(GenericInstanceType spanType) =>
        new MethodReference("get_Length", _module.TypeSystem.Int32, _module.ImportReference(spanType)) { HasThis = true };
}
