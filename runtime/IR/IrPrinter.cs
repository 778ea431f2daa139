// Text form of the IR: what NUMBA_DUMP_IR prints and what the weaver embeds (the serializer).
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace NumbaWeaver.IR;

/// <summary>
/// Writes modules and functions as text. The format is line-based and keyed so that
/// <see cref="IrParser"/> reads back exactly what was written (floats as their bit patterns):
/// <code>
/// func "N.K::Dot(f64[],f64[])" -> f64 entry,boundscheck
///   source "K.cs"
///   param f64[] a
///   local f64 s
///   0: const t=f64 f=0x0000000000000000 @3:5
///   ...
/// end
/// </code>
/// </summary>
public static class IrPrinter
{
    public static string Print(IrModule module)
    {
        var sb = new StringBuilder();
        sb.Append("nwir ").Append(IrModule.FormatVersion).Append('\n');
        foreach (var f in module.Functions) Print(f, sb);
        return sb.ToString();
    }

    public static string Print(IrFunction f)
    {
        var sb = new StringBuilder();
        Print(f, sb);
        return sb.ToString();
    }

    private static void Print(IrFunction f, StringBuilder sb)
    {
        sb.Append("func ").Append(Quote(f.Name)).Append(" -> ").Append(f.ReturnType);
        var flags = FormatFlags(f.Flags);
        if (flags.Length > 0) sb.Append(' ').Append(flags);
        sb.Append('\n');
        if (f.IsGeneric) sb.Append("  generic ").Append(f.TypeParameterCount.ToString(CultureInfo.InvariantCulture)).Append('\n');
        if (f.SourceFile.Length > 0) sb.Append("  source ").Append(Quote(f.SourceFile)).Append('\n');
        foreach (var p in f.Parameters) sb.Append("  param ").Append(p.Type).Append(' ').Append(p.Name).Append('\n');
        foreach (var l in f.Locals) sb.Append("  local ").Append(l.Type).Append(' ').Append(l.Name).Append('\n');
        for (int i = 0; i < f.Body.Count; i++)
        {
            sb.Append("  ").Append(i.ToString(CultureInfo.InvariantCulture)).Append(": ")
              .Append(FormatInstruction(f.Body[i])).Append('\n');
        }
        sb.Append("end\n");
    }

    /// <summary>The flags set, in lower case and in the enum's order (the names come from <see cref="IrNames"/>, as the parser's do).</summary>
    public static string FormatFlags(FunctionFlags flags)
    {
        var names = new List<string>();
        for (int i = 0; i < IrNames.Flags.Length; i++)
            if ((flags & IrNames.Flags[i]) == IrNames.Flags[i]) names.Add(IrNames.FlagNames[i].ToLowerInvariant());
        return string.Join(",", names);
    }

    public static string FormatInstruction(Instruction ins)
    {
        var sb = new StringBuilder(ins.Op.ToString().ToLowerInvariant());
        if (ins.Type != null) sb.Append(" t=").Append(ins.Type);
        if (ins.Type2 != null) sb.Append(" t2=").Append(ins.Type2);
        if (ins.Int != 0) sb.Append(" i=").Append(ins.Int.ToString(CultureInfo.InvariantCulture));
        if (ins.Op == Opcode.Const && ins.Type != null && ins.Type.IsFloat)
        {
            sb.Append(" f=0x").Append(BitConverter.DoubleToInt64Bits(ins.Float).ToString("X16", CultureInfo.InvariantCulture));
            sb.Append(" (").Append(ins.Float.ToString("R", CultureInfo.InvariantCulture)).Append(')');
        }
        if (ins.Name != null) sb.Append(" n=").Append(Quote(ins.Name));
        if (ins.Targets.Count > 0) sb.Append(" ->").Append(string.Join(",", ins.Targets.Select(t => t.ToString(CultureInfo.InvariantCulture))));
        if (ins.Line > 0) sb.Append(" @").Append(ins.Line.ToString(CultureInfo.InvariantCulture)).Append(':').Append(ins.Column.ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    public static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
