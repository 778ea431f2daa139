// Lowers an IR function and its call closure into a fresh LLVM module: declarations, symbols, attributes, verification.
using System;
using System.Collections.Generic;
using NumbaWeaver.IR;
using NumbaWeaver.Llvm;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Backend;

/// <summary>Entry point of the backend: IR module + entry function -> verified, unoptimised LLVM module.</summary>
public static class ModuleLowering
{
    /// <summary>
    /// Builds a new module in <paramref name="context"/> holding <paramref name="entry"/> (external, symbol
    /// <see cref="NativeSymbols.For"/>) and every function it calls (internal). The caller owns the module.
    /// Throws <see cref="InvalidOperationException"/> with the verifier's message and the printed module when
    /// LLVM rejects it (a backend bug), or when the IR itself is malformed.
    /// </summary>
    public static LLVMModuleRef Lower(LLVMContextRef context, IrModule module, IrFunction entry, LoweringOptions options)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(entry);
        options ??= LoweringOptions.Default;
        var closure = module.CallClosure(entry);
        string entrySymbol = NativeSymbols.For(entry.Name);
        var llvmModule = LLVM.ModuleCreateWithNameInContext(entrySymbol, context);
        StampHostTarget(context, llvmModule);
        try
        {
            var lowered = new LoweredModule(context, llvmModule, module, options);
            // Declare everything first: calls may go forwards and recursively.
            foreach (var f in closure) lowered.AddFunction(f.Name, Declare(lowered, f, f == entry));
            foreach (var f in closure) FunctionLowering.Lower(lowered, f, lowered.Function(f.Name));
            if (LLVM.Verify(llvmModule) is { } error)
                throw new InvalidOperationException($"LLVM rejected the lowered module of {entry.Name}: {error}\n{LLVM.PrintModule(llvmModule)}");
            if (lowered.MarkedFastMathText) llvmModule = FastMathText.Apply(context, llvmModule);
            return llvmModule;
        }
        catch
        {
            LLVM.DisposeModule(llvmModule);
            throw;
        }
    }

    /// <summary>
    /// Modules for the process JIT get its triple and data layout now, before O3 runs: the optimizer's
    /// vectorization and alignment decisions depend on them (NativeJit only stamps them when adding).
    /// </summary>
    private static void StampHostTarget(LLVMContextRef context, LLVMModuleRef module)
    {
        if (NativeJit.TryGetInstance(out var jit, out _) && jit.Context == context)
        {
            LLVM.SetTarget(module, jit.Triple);
            LLVM.SetDataLayout(module, jit.DataLayout);
        }
    }

    /// <summary>Declares <c>i32 f(ptr result, lowered params...)</c> with the attributes the ABI lets us promise.</summary>
    private static Callee Declare(LoweredModule m, IrFunction f, bool isEntry)
    {
        var t = m.Types;
        var ps = new HandleList<LLVMTypeRef>();
        ps.Add(t.Ptr);
        foreach (var p in f.Parameters) t.AppendParameters(p.Type, ps);
        var fnType = LLVM.FunctionType(t.I32, ps.ToArray());
        var fn = LLVM.AddFunction(m.Module, NativeSymbols.For(f.Name), fnType);
        LLVM.SetLinkage(fn, isEntry ? LLVMLinkage.LLVMExternalLinkage : LLVMLinkage.LLVMInternalLinkage);

        // Compiled code never unwinds: errors are status codes.
        m.AddEnumAttribute(fn, LLVM.AttributeFunctionIndex, "nounwind");
        if (f.Has(FunctionFlags.InlineAlways)) m.AddEnumAttribute(fn, LLVM.AttributeFunctionIndex, "alwaysinline");
        if (f.Has(FunctionFlags.InlineNever)) m.AddEnumAttribute(fn, LLVM.AttributeFunctionIndex, "noinline");
        if (PreferredVectorWidth(f) is { } width) m.AddStringAttribute(fn, "prefer-vector-width", width);
        if (m.Options.FastMathOverride ?? f.Has(FunctionFlags.FastMath))
        {
            // What code generation reads (contraction into FMA, approximations); the optimiser reads the instructions' flags.
            foreach (var key in new[] { "unsafe-fp-math", "no-nans-fp-math", "no-infs-fp-math", "no-signed-zeros-fp-math", "approx-func-fp-math" })
                m.AddStringAttribute(fn, key, "true");
        }

        // The result slot is the caller's own storage (a stub local or an alloca): nothing else points to it.
        uint index = 1;
        m.AddEnumAttribute(fn, index, "noalias");
        m.AddEnumAttribute(fn, index, "nocapture");
        m.AddEnumAttribute(fn, index, "noundef");
        if (f.ReturnType.Kind != TypeKind.Void) m.AddEnumAttribute(fn, index, "nonnull");
        index++;
        foreach (var p in f.Parameters)
        {
            if (p.Type.IsArrayLike)
            {
                // Not noalias (two parameters may be the same array) and not nonnull (a pinned empty
                // array is a null pointer); compiled code never keeps the pointer, though.
                // A function returning an array may return this one: then the pointer outlives the call.
                if (!f.ReturnType.IsArrayLike) m.AddEnumAttribute(fn, index, "nocapture");
                m.AddEnumAttribute(fn, index++, "noundef");
                for (int d = 0; d < p.Type.Rank; d++) m.AddEnumAttribute(fn, index++, "noundef");
            }
            else if (p.Type.IsByRef || p.Type.IsStruct)
            {
                // A struct is a pointer to the caller's private copy, which the callee only reads.
                if (p.Type.IsStruct) m.AddEnumAttribute(fn, index, "readonly");
                m.AddEnumAttribute(fn, index, "nocapture");
                m.AddEnumAttribute(fn, index, "nonnull");
                m.AddEnumAttribute(fn, index++, "noundef");
            }
            else
            {
                m.AddEnumAttribute(fn, index++, "noundef");
            }
        }
        return new Callee(fn, fnType);
    }

    /// <summary>[Njit(PreferVectorWidth = ...)] as LLVM's function attribute value, or null for the CPU's default.</summary>
    private static string? PreferredVectorWidth(IrFunction f) =>
        f.Has(FunctionFlags.PreferVector128) ? "128"
        : f.Has(FunctionFlags.PreferVector256) ? "256"
        : f.Has(FunctionFlags.PreferVector512) ? "512"
        : null;
}
