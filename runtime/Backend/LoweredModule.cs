// Per-module lowering state: the LLVM module, IR function declarations, intrinsic and libm declarations, attributes.
using System;
using System.Collections.Generic;
using NumbaWeaver.IR;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Backend;

// A class, not a struct: the Dictionary<string, Callee> of a module then runs precompiled shared code.
/// <summary>A declared callable: the function value and its function type (BuildCall2 needs both).</summary>
internal sealed record Callee(LLVMValueRef Function, LLVMTypeRef Type);

/// <summary>State shared by the functions lowered into one LLVM module.</summary>
internal sealed class LoweredModule
{
    private readonly Dictionary<string, Callee> _functions = new();
    private readonly Dictionary<string, Callee> _intrinsics = new();
    private readonly Dictionary<string, Callee> _libm = new();

    public LoweredModule(LLVMContextRef context, LLVMModuleRef module, IrModule ir, LoweringOptions options)
    {
        Context = context;
        Module = module;
        Ir = ir;
        Options = options;
        Types = new TypeLowering(context);
        FastMathThroughText = options.FastMathThroughText || FastMathText.Needed;
    }

    public LLVMContextRef Context { get; }
    public LLVMModuleRef Module { get; }
    public IrModule Ir { get; }
    public LoweringOptions Options { get; }
    public TypeLowering Types { get; }

    /// <summary>Fast-math flags go through <see cref="FastMathText"/> (LLVM before 18, or a test asking for it).</summary>
    public bool FastMathThroughText { get; }

    /// <summary>Set once an instruction was named for <see cref="FastMathText.Apply"/>: the module needs the round trip.</summary>
    public bool MarkedFastMathText { get; set; }

    public void AddFunction(string irName, Callee callee) => _functions.Add(irName, callee);

    public Callee Function(string irName) =>
        _functions.TryGetValue(irName, out var c) ? c : throw new InvalidOperationException($"call to '{irName}', which is not in the module");

    /// <summary>An LLVM intrinsic such as <c>llvm.sqrt</c>, overloaded on <paramref name="overloads"/>.</summary>
    public Callee Intrinsic(string name, params LLVMTypeRef[] overloads)
    {
        // In a loop with our own hex: ConvertAll over our handle struct would be jitted, and formatting a number with a
        // culture can load ICU (docs/cache.md).
        var key = name + "|";
        foreach (var t in overloads) key += InvariantText.Hex((ulong)t.Handle, 16) + ",";
        if (_intrinsics.TryGetValue(key, out var c)) return c;
        uint id = LLVM.LookupIntrinsicID(name);
        if (id == 0) throw new InvalidOperationException($"this LLVM has no intrinsic {name}");
        var fn = LLVM.GetIntrinsicDeclaration(Module, id, overloads);
        c = new Callee(fn, LLVM.IntrinsicGetType(Context, id, overloads));
        _intrinsics[key] = c;
        return c;
    }

    /// <summary>
    /// A C math library function (sin, powf, ...) declared by name: .NET's Math calls the same libm,
    /// so calling it (rather than llvm.sin, which LLVM may fold or expand differently) keeps results
    /// bit-identical. memory(none) lets LLVM hoist and CSE the calls; errno is never read.
    /// </summary>
    public Callee Libm(string name, LLVMTypeRef type, int arity)
    {
        if (_libm.TryGetValue(name, out var c)) return c;
        var ps = HandleList<LLVMTypeRef>.Repeat(type, arity);
        var fnType = LLVM.FunctionType(type, ps);
        var fn = LLVM.AddFunction(Module, name, fnType);
        AddEnumAttribute(fn, LLVM.AttributeFunctionIndex, "memory", 0); // memory(none)
        AddEnumAttribute(fn, LLVM.AttributeFunctionIndex, "nounwind");
        AddEnumAttribute(fn, LLVM.AttributeFunctionIndex, "willreturn");
        AddEnumAttribute(fn, LLVM.AttributeFunctionIndex, "nosync");
        c = new Callee(fn, fnType);
        _libm[name] = c;
        return c;
    }

    /// <summary>Adds an enum attribute by name; silently skipped when this LLVM does not know it.</summary>
    public void AddEnumAttribute(LLVMValueRef fn, uint index, string name, ulong value = 0)
    {
        uint kind = LLVM.GetEnumAttributeKindForName(name, (nuint)name.Length);
        if (kind == 0) return;
        LLVM.AddAttributeAtIndex(fn, index, LLVM.CreateEnumAttribute(Context, kind, value));
    }

    public void AddStringAttribute(LLVMValueRef fn, string key, string value)
    {
        var attr = LLVM.CreateStringAttribute(Context, key, (uint)Utf8Text.ByteCount(key), value, (uint)Utf8Text.ByteCount(value));
        LLVM.AddAttributeAtIndex(fn, LLVM.AttributeFunctionIndex, attr);
    }
}
