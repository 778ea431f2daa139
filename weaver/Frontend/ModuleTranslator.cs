// Entry point of the frontend: translates [Njit] roots and every same-module static method they call into one IR module.
using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using NumbaWeaver.IR;
using NumbaWeaver.Weaving.Diagnostics;

namespace NumbaWeaver.Weaving.Frontend;

/// <summary>
/// Translates CIL bodies into NumbaWeaver IR. Each method is translated on its own and reports all
/// of its problems; functions with problems are left out of the result, and the caller fails the
/// build when <c>diagnostics</c> is not empty.
/// </summary>
public sealed class ModuleTranslator
{
    public const string NjitAttributeName = "NumbaWeaver.NjitAttribute";

    private readonly ModuleDefinition _module;

    public ModuleTranslator(ModuleDefinition module) => _module = module;

    /// <summary>The module the translator reads; calls into other modules are not compiled.</summary>
    public ModuleDefinition Module => _module;

    /// <summary>
    /// Translates each root and, transitively, every static method of this module they call.
    /// Roots come first (in the given order), then callees in discovery order.
    /// </summary>
    public IrModule Translate(IEnumerable<MethodDefinition> roots, List<Diagnostic> diagnostics)
    {
        var rootSet = new HashSet<MethodDefinition>();
        var queue = new Queue<MethodDefinition>();
        var methodByName = new Dictionary<string, MethodDefinition>(StringComparer.Ordinal);
        var translated = new List<(MethodDefinition Method, IrFunction Function, bool Failed)>();
        var libraryNames = new HashSet<string>(StringComparer.Ordinal);
        var foreignDeclarations = new Dictionary<string, IrFunction>(StringComparer.Ordinal);

        void Enqueue(MethodDefinition method)
        {
            string name = FunctionName(method);
            if (methodByName.TryGetValue(name, out var existing))
            {
                if (existing != method) diagnostics.Add(NameClash(method));
                return;
            }
            methodByName.Add(name, method);
            queue.Enqueue(method);
        }

        foreach (var root in roots)
        {
            rootSet.Add(root);
            Enqueue(root);
        }
        while (queue.Count > 0)
        {
            var method = queue.Dequeue();
            var flags = OptionsOf(method) | (rootSet.Contains(method) ? FunctionFlags.Entry : FunctionFlags.None);
            int before = diagnostics.Count;
            var translator = new MethodTranslator(this, method, flags, diagnostics);
            IrFunction function;
            try
            {
                function = translator.Translate();
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException
                                           or InvalidCastException or NullReferenceException or IndexOutOfRangeException
                                           or AssemblyResolutionException)
            {
                // A translator bug must not hide the user's real diagnostics: report it and go on.
                diagnostics.Add(new Diagnostic(DiagnosticCodes.TranslatorCrash,
                    $"internal error translating {DisplayName(method)} for [Njit]: {ex.GetType().Name}: {ex.Message}. " +
                    "Please report this NumbaWeaver bug; removing [Njit] works around it",
                    method, SourceLocator.For(method).First));
                continue;
            }
            foreach (var callee in translator.Callees) Enqueue(callee);
            foreach (var declaration in translator.ForeignDeclarations)
                if (!foreignDeclarations.ContainsKey(declaration.Name)) foreignDeclarations.Add(declaration.Name, declaration);
            translated.Add((method, function, diagnostics.Count > before));
            foreach (var outlined in translator.OutlinedFunctions) translated.Add((method, outlined, diagnostics.Count > before));
            // Weaver-written System.Numerics members: one copy per module, whichever method needs them first.
            foreach (var library in translator.LibraryFunctions)
                if (libraryNames.Add(library.Name)) translated.Add((method, library, false));
        }

        // Callers are verified against every signature, including those of failed callees, so a
        // broken callee is reported once (by its own diagnostics) and not again at each call.
        var signatures = new IrModule();
        foreach (var t in translated) signatures.Add(t.Function);
        foreach (var declaration in foreignDeclarations.Values) signatures.Add(declaration);
        var result = new IrModule();
        foreach (var t in translated)
        {
            if (t.Failed) continue;
            var errors = GenericVerification.Verify(t.Method, t.Function, signatures, out string? unsupported);
            if (unsupported != null)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.GenericMethod,
                    $"The generic method {DisplayName(t.Method)} is not supported in [Njit] code for any number type: {unsupported}",
                    t.Method, SourceLocator.For(t.Method).First));
                continue;
            }
            if (errors.Count > 0)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidIr,
                    $"internal error: the IR of {DisplayName(t.Method)} failed verification ({string.Join("; ", errors)}). " +
                    "Please report this NumbaWeaver bug; removing [Njit] works around it",
                    t.Method, SourceLocator.For(t.Method).First));
                continue;
            }
            result.Add(t.Function);
        }
        MarkCallersOfOtherAssemblies(result);
        return result;
    }

    /// <summary>
    /// Flags every function whose call closure calls into another assembly (<see cref="ForeignCalls"/>): the stub and
    /// the index pass an entry's flags to the runtime, which then links the other assemblies' IR before it computes
    /// the entry's key or compiles it.
    /// </summary>
    private static void MarkCallersOfOtherAssemblies(IrModule module)
    {
        foreach (var function in module.Functions)
            if (ForeignCalls.CalledFrom(module, function).Length > 0) function.Flags |= FunctionFlags.CallsOtherAssemblies;
    }

    private static Diagnostic NameClash(MethodDefinition method) =>
        new(DiagnosticCodes.NameClash,
            $"overloads of {DisplayName(method)} that differ only by an enum versus its underlying integer type are not supported in [Njit] code: rename one of them",
            method, SourceLocator.For(method).First);

    /// <summary>
    /// Unique IR name: <c>Namespace.Type::Method(irparamtypes)</c>, e.g. <c>Demo.Kernels::Dot(f64[],f64[])</c>.
    /// A generic method is named with its type parameters, <c>Demo.Kernels::Sum&lt;T0&gt;(rospan&lt;T0&gt;)</c>; a call of
    /// one instantiation (<c>Sum&lt;double&gt;</c>) names the generic method (GenericInstantiation names instances).
    /// </summary>
    public static string FunctionName(MethodReference method)
    {
        if (method is GenericInstanceMethod instance) method = instance.ElementMethod;
        var parameters = method.Parameters.Select(p => TypeMapper.Map(p.ParameterType)?.ToString() ?? p.ParameterType.FullName);
        string typeParameters = method.HasGenericParameters
            ? "<" + string.Join(",", method.GenericParameters.Select(g => IrType.TypeParameter(g.Position))) + ">"
            : "";
        return method.DeclaringType.FullName + "::" + method.Name + typeParameters + "(" + string.Join(",", parameters) + ")";
    }

    /// <summary>True when the method carries <c>NumbaWeaver.NjitAttribute</c>.</summary>
    public static bool IsNjit(MethodDefinition m) => NjitAttribute(m) != null;

    /// <summary>A short human name for messages: <c>Demo.Kernels.Dot</c>.</summary>
    public static string DisplayName(MethodReference method) =>
        method.DeclaringType.FullName.Replace('/', '.') + "." + method.Name;

    private static CustomAttribute? NjitAttribute(MethodDefinition m) =>
        m.HasCustomAttributes ? m.CustomAttributes.FirstOrDefault(a => a.AttributeType.FullName == NjitAttributeName) : null;

    /// <summary>
    /// Options from the [Njit] attribute's named properties. Bounds checks are on unless
    /// <c>BoundsCheck = false</c>; methods without the attribute get the defaults.
    /// </summary>
    public static FunctionFlags OptionsOf(MethodDefinition method)
    {
        var flags = FunctionFlags.BoundsCheck;
        var attribute = NjitAttribute(method);
        if (attribute == null) return flags;
        foreach (var property in attribute.Properties)
        {
            object? value = property.Argument.Value;
            switch (property.Name)
            {
                case "FastMath" when value is bool fast:
                    if (fast) flags |= FunctionFlags.FastMath;
                    break;
                case "BoundsCheck" when value is bool check:
                    if (!check) flags &= ~FunctionFlags.BoundsCheck;
                    break;
                case "Cache" when value is bool cache:
                    if (cache) flags |= FunctionFlags.Cache;
                    break;
                case "Parallel" when value is bool parallel:
                    if (parallel) flags |= FunctionFlags.Parallel;
                    break;
                case "FastMathFlags" when value != null:
                    flags |= Parallel.FastMathOptions.ToFunctionFlags(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case "PreferVectorWidth" when value is int width:
                    // Other widths keep the CPU's default; the attribute documents the three values.
                    if (width == 128) flags |= FunctionFlags.PreferVector128;
                    else if (width == 256) flags |= FunctionFlags.PreferVector256;
                    else if (width == 512) flags |= FunctionFlags.PreferVector512;
                    break;
                case "Inline" when value != null:
                    // Cecil gives an enum argument as its underlying value: 1 Always, 2 Never (InlineMode).
                    int mode = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
                    if (mode == 1) flags |= FunctionFlags.InlineAlways;
                    else if (mode == 2) flags |= FunctionFlags.InlineNever;
                    break;
            }
        }
        return flags;
    }
}
