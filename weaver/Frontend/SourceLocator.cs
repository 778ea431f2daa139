// Finds the source position of each IL instruction from the method's portable PDB sequence points.
using System.Collections.Generic;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NumbaWeaver.Weaving.Frontend;

/// <summary>
/// Source positions for a method's instructions. An instruction without a sequence point of its
/// own belongs to the statement of the nearest preceding visible one (hidden points, line
/// 0xfeefee, mark compiler-generated code), else to the method's first statement.
/// </summary>
public sealed class SourceLocator
{
    private const int HiddenLine = 0xfeefee;

    private readonly Dictionary<Instruction, SequencePoint> _byInstruction = new();

    private SourceLocator(MethodDefinition method)
    {
        if (!method.HasBody || method.DebugInformation == null || !method.DebugInformation.HasSequencePoints) return;
        var own = method.DebugInformation.GetSequencePointMapping();
        foreach (var sp in method.DebugInformation.SequencePoints)
        {
            if (sp.StartLine == HiddenLine) continue;
            First = sp;
            break;
        }
        SequencePoint? current = null;
        foreach (var ins in method.Body.Instructions)
        {
            if (own.TryGetValue(ins, out var sp) && sp.StartLine != HiddenLine) current = sp;
            var located = current ?? First;
            if (located != null) _byInstruction[ins] = located;
        }
    }

    public static SourceLocator For(MethodDefinition method) => new(method);

    /// <summary>The method's first visible sequence point, or null without symbols.</summary>
    public SequencePoint? First { get; }

    /// <summary>The statement <paramref name="instruction"/> belongs to, or null without symbols.</summary>
    public SequencePoint? Find(Instruction? instruction) =>
        instruction != null && _byInstruction.TryGetValue(instruction, out var sp) ? sp : First;

    /// <summary>The file name of the method's source, without directories (no machine paths in the IR).</summary>
    public string FileName
    {
        get
        {
            string url = First?.Document?.Url ?? "";
            int slash = url.LastIndexOfAny(new[] { '/', '\\' });
            return slash >= 0 ? url.Substring(slash + 1) : url;
        }
    }
}
