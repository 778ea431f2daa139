// Translates sample methods of this test assembly with the weaver's frontend (ModuleTranslator), as the weaver would.
extern alias weaver;

using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Diagnostic = weaver::NumbaWeaver.Weaving.Diagnostics.Diagnostic;
using IrModule = weaver::NumbaWeaver.IR.IrModule;
using ModuleTranslator = weaver::NumbaWeaver.Weaving.Frontend.ModuleTranslator;

namespace NumbaWeaver.Tests.Weaver;

/// <summary>
/// The frontend tests' one way in: read this assembly with Cecil (symbols included, for the file:line of diagnostics)
/// and translate named methods. Each test class keeps its own read (<see cref="ReadTestAssembly"/>): xunit runs test
/// classes in parallel, and a Cecil module, which the translator also imports references into, is not thread-safe.
/// </summary>
internal static class FrontendHarness
{
    /// <summary>A lazily read copy of this test assembly, for one test class.</summary>
    public static Lazy<ModuleDefinition> ReadTestAssembly() =>
        new(() => ModuleDefinition.ReadModule(typeof(FrontendHarness).Assembly.Location, new ReaderParameters { ReadSymbols = true }));

    /// <summary>The method <paramref name="name"/> of <paramref name="samples"/> (a nested type too) in <paramref name="module"/>.</summary>
    public static MethodDefinition Method(ModuleDefinition module, Type samples, string name) =>
        module.GetType(samples.FullName!.Replace('+', '/')).Methods.Single(m => m.Name == name);

    /// <summary>Translates the methods <paramref name="roots"/> of <paramref name="samples"/> (and what they call).</summary>
    public static (IrModule Module, List<Diagnostic> Diagnostics) Translate(ModuleDefinition module, Type samples, params string[] roots)
    {
        var diagnostics = new List<Diagnostic>();
        var ir = new ModuleTranslator(module).Translate(roots.Select(r => Method(module, samples, r)), diagnostics);
        return (ir, diagnostics);
    }
}
