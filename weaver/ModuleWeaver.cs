// The weaver's driver: the whole build-time pipeline, one step per line.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Fody;
using Mono.Cecil;
using NumbaWeaver.IR;
using NumbaWeaver.Weaving.Diagnostics;
using NumbaWeaver.Weaving.Frontend;
using NumbaWeaver.Weaving.Stubs;

namespace NumbaWeaver.Weaving;

/// <summary>
/// Fody entry point. For every [Njit] method: translate IL to IR (with its callees), verify,
/// embed the IR as a resource, move the original body into a private twin and rewrite the
/// method into a stub that calls the native code through the runtime's dispatcher.
/// </summary>
public sealed class ModuleWeaver : BaseModuleWeaver
{
    public override void Execute()
    {
        if (ReportErrors(Cuda.CudaWeaver.Weave(ModuleDefinition))) return;  // 0. [CudaJit] kernels -> ILGPU twins (weaver/Cuda/)
        var roots = FindNjitMethods();                                        // 1. [Njit] methods
        if (roots.Count == 0) return;
        var diagnostics = new List<Diagnostic>();
        var ir = new ModuleTranslator(ModuleDefinition).Translate(roots, diagnostics); // 2. IL -> IR (+ callees)
        if (ReportErrors(diagnostics)) return;                                // 3. unsupported code = build error
        var index = EmbedIr(ir, out var embedded);                            // 4. IR + index -> embedded resources
        var instances = EmbedGenericInstances(roots, embedded);               //    generic instantiations the IL calls (AOT)
        var runtime = new RuntimeReferences(ModuleDefinition, FindTypeDefinition);
        foreach (var method in roots)
        {
            var twin = TwinExtractor.MoveBodyToTwin(method);                  // 5. original body -> private twin
            var name = ModuleTranslator.FunctionName(method);
            var bounded = ir.Find(name) is { } f && BoundedCalls.IsBounded(f);
            var scoped = AllocationScope.IsNeeded(ir, name);                  //    arrays allocated or returned: docs/abi.md
            index.TryGet(name, out var indexed);                              //    stubs carry their index line
            string listed = GenericInstances.Print(instances.Where(i => i.Function == name)); //    generic stubs carry theirs
            new StubWriter(ModuleDefinition, runtime).Write(method, twin, name, bounded, scoped, indexed, listed); // 6. body -> stub
            ReflectedFields.Mark(ModuleDefinition, method, ir, name, runtime);   //    static arrays read by name stay reflectable
        }
        WriteInfo($"NumbaWeaver: {roots.Count} [Njit] method(s), {ir.Functions.Count} function(s) in IR");
    }

    private List<MethodDefinition> FindNjitMethods() =>
        ModuleDefinition.GetTypes()
            .SelectMany(t => t.Methods)
            .Where(ModuleTranslator.IsNjit)
            .ToList();

    /// <summary>
    /// Errors go to an MSBuild file that NumbaWeaver.Fody.targets reports with their NJ codes
    /// right after Fody; without those targets (or if the file cannot be written) Fody reports them.
    /// </summary>
    private bool ReportErrors(List<Diagnostic> diagnostics)
    {
        if (diagnostics.Count == 0) return false;
        bool viaMsBuild = File.Exists(Path.Combine(Path.GetDirectoryName(AssemblyFilePath) ?? ".", "numbaweaver.targets.active"));
        if (viaMsBuild)
        {
            try
            {
                MsBuildDiagnosticsFile.Write(Path.GetDirectoryName(AssemblyFilePath) ?? ".", diagnostics);
                return true;
            }
            catch (IOException)
            {
                // fall through to Fody's reporting
            }
        }
        foreach (var d in diagnostics)
        {
            var text = $"{d.Code}: {d.Message}";
            if (d.SequencePoint != null) WriteError(text, d.SequencePoint);
            else WriteError(text, d.Method);
        }
        return true;
    }

    private IrIndex EmbedIr(IrModule ir, out IrModule embedded)
    {
        string text = IrPrinter.Print(ir);
        Embed(IrModule.ResourceName, text);
        // Fingerprinted from the text the runtime will parse, so both sides hash the same IR.
        embedded = IrParser.ParseModule(text);
        var index = IrIndex.Build(embedded);
        string indexText = index.Print();
        Embed(IrIndex.ResourceName, indexText);
        IndexAccessor.Add(ModuleDefinition, indexText);                      //    and the same text for other assemblies' stubs
        return index;
    }

    /// <summary>
    /// Records each call of a generic [Njit] method with number type arguments (<c>Sum&lt;double&gt;</c>) for
    /// build-time compilation (<see cref="GenericInstances"/>); calls whose arguments are a caller's own type
    /// parameters are compiled at run time when reached.
    /// </summary>
    private List<GenericInstance> EmbedGenericInstances(List<MethodDefinition> roots, IrModule embedded)
    {
        var generic = roots.Where(m => m.HasGenericParameters).ToDictionary(m => m, m => ModuleTranslator.FunctionName(m));
        var instances = new List<GenericInstance>();
        if (generic.Count == 0) return instances;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var method in ModuleDefinition.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody))
        {
            foreach (var instruction in method.Body.Instructions)
            {
                if (instruction.Operand is not GenericInstanceMethod call || call.ElementMethod.Resolve() is not { } callee
                    || !generic.TryGetValue(callee, out var name))
                    continue;
                var arguments = call.GenericArguments.Select(TypeMapper.MapScalar).ToArray();
                if (arguments.Any(a => a is null || !GenericMath.IsInstantiable(a))) continue;
                if (!seen.Add(GenericInstance.KeyOf(name, arguments!))) continue;
                // Closed and fingerprinted here, from the IR the runtime will parse, so its first call needs no IR at all.
                instances.Add(GenericInstances.Describe(embedded, name, arguments!));
            }
        }
        if (instances.Count > 0) Embed(GenericInstances.ResourceName, GenericInstances.Print(instances));
        return instances;
    }

    private void Embed(string name, string text)
    {
        var existing = ModuleDefinition.Resources.FirstOrDefault(r => r.Name == name);
        if (existing != null) ModuleDefinition.Resources.Remove(existing);
        ModuleDefinition.Resources.Add(new EmbeddedResource(name, ManifestResourceAttributes.Private, Encoding.UTF8.GetBytes(text)));
    }

    public override IEnumerable<string> GetAssembliesForScanning()
    {
        yield return "netstandard";
        yield return "mscorlib";
        yield return "System";
        yield return "System.Runtime";
        yield return "System.Memory";
        yield return "System.Runtime.InteropServices";
        yield return "System.Private.CoreLib";
        yield return "NumbaWeaver";
        yield return "NumbaWeaver.Entry";
    }

    public override bool ShouldCleanReference => false;
}
