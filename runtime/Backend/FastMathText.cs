// Puts fast-math flags on instructions through printed IR, for LLVM releases (15-17) whose C API cannot set them.
using System;
using System.Text;
using System.Text.RegularExpressions;
using NumbaWeaver.Llvm;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Backend;

/// <summary>
/// <c>LLVMSetFastMathFlags</c> exists from LLVM 18 only, and the function attributes older releases do read
/// (<c>"unsafe-fp-math"</c>) do not let the loop vectoriser reorder a reduction: on LLVM 15-17 a
/// <c>[Njit(FastMath = true)]</c> dot product stayed a serial FMA chain, slower than plain C#. So on those releases
/// the lowering names each instruction that should carry flags (<see cref="Mark"/>: the name spells the flags), and
/// <see cref="Apply"/> prints the module, writes the flags into those lines and parses the text back, which every
/// release since 3.x reads losslessly. Only modules with a fast-math function pay for the round trip.
/// </summary>
internal static partial class FastMathText
{
    // "nwfm<flags>x": the trailing letter keeps LLVM's uniquing suffix (nwfm127x, nwfm127x1, ...) apart from the flags.
    private const string Prefix = "nwfm";

    /// <summary>True when this LLVM cannot set the flags directly (it lacks <c>LLVMSetFastMathFlags</c>).</summary>
    public static bool Needed => !LlvmLibrary.SupportsFastMathFlags;

    /// <summary>
    /// Names <paramref name="value"/> so that <see cref="Apply"/> gives it <paramref name="flags"/>; returns false (and
    /// leaves it alone) when it is not an instruction that can carry them, as LLVM's own check would (the builder may
    /// have folded it to a constant, or it is a call that returns no floating-point value).
    /// </summary>
    public static bool Mark(LLVMValueRef value, LLVMFastMathFlags flags)
    {
        if (LLVM.GetValueKind(value) != LLVMValueKind.LLVMInstructionValueKind) return false;
        if (LLVM.GetInstructionOpcode(value) != LLVMOpcode.LLVMFCmp && !IsFloatingPoint(LLVM.TypeOf(value))) return false;
        LLVM.SetValueName(value, Prefix + ((uint)flags).ToString(System.Globalization.CultureInfo.InvariantCulture) + "x");
        return true;
    }

    /// <summary>
    /// Returns a module equal to <paramref name="module"/> with the marked instructions' flags set, parsed in
    /// <paramref name="context"/>; disposes <paramref name="module"/> once the new one exists (on failure the caller
    /// still owns it). Throws when LLVM cannot read the rewritten text back (a backend bug: the message has both).
    /// </summary>
    public static LLVMModuleRef Apply(LLVMContextRef context, LLVMModuleRef module)
    {
        string printed = LLVM.PrintModule(module);
        string rewritten = WithFlags(printed);
        byte[] bytes = Encoding.UTF8.GetBytes(rewritten);
        var buffer = LLVM.CreateMemoryBufferWithMemoryRangeCopy(bytes, (nuint)bytes.Length, "fast-math");
        if (LLVM.ParseIRInContext(context, buffer, out var parsed, out nint message) != 0)
            throw new InvalidOperationException($"LLVM could not read back the module with fast-math flags: {LLVM.TakeMessage(message)}\n{rewritten}");
        LLVM.DisposeModule(module);
        return parsed;
    }

    /// <summary>The printed module with each marked instruction's flags written after its opcode.</summary>
    internal static string WithFlags(string printedModule) =>
        MarkedInstruction().Replace(printedModule, m =>
            m.Groups["head"].Value + m.Groups["opcode"].Value + " " + FlagsText((LLVMFastMathFlags)uint.Parse(m.Groups["flags"].Value, System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The flags as the IR text spells them: <c>fast</c> for all of them, else each one by name.</summary>
    internal static string FlagsText(LLVMFastMathFlags flags)
    {
        if (flags == LLVMFastMathFlags.LLVMFastMathAll) return "fast";
        var words = new StringBuilder();
        void Add(LLVMFastMathFlags flag, string word)
        {
            if ((flags & flag) == 0) return;
            if (words.Length > 0) words.Append(' ');
            words.Append(word);
        }
        // The order LLVM prints them in.
        Add(LLVMFastMathFlags.LLVMFastMathAllowReassoc, "reassoc");
        Add(LLVMFastMathFlags.LLVMFastMathNoNaNs, "nnan");
        Add(LLVMFastMathFlags.LLVMFastMathNoInfs, "ninf");
        Add(LLVMFastMathFlags.LLVMFastMathNoSignedZeros, "nsz");
        Add(LLVMFastMathFlags.LLVMFastMathAllowReciprocal, "arcp");
        Add(LLVMFastMathFlags.LLVMFastMathAllowContract, "contract");
        Add(LLVMFastMathFlags.LLVMFastMathApproxFunc, "afn");
        return words.ToString();
    }

    private static bool IsFloatingPoint(LLVMTypeRef type)
    {
        var kind = LLVM.GetTypeKind(type);
        if (kind is LLVMTypeKind.LLVMVectorTypeKind or LLVMTypeKind.LLVMScalableVectorTypeKind)
            kind = LLVM.GetTypeKind(LLVM.GetElementType(type));
        return kind is LLVMTypeKind.LLVMHalfTypeKind or LLVMTypeKind.LLVMFloatTypeKind or LLVMTypeKind.LLVMDoubleTypeKind;
    }

    // "  %nwfm127x3 = fadd double ..." / "= tail call double @llvm.sqrt.f64(...)": the flags go right after the opcode
    // (for a call, after "call" and before its return type).
    [GeneratedRegex(@"(?<head>^\s*%nwfm(?<flags>\d+)x\d*\s*=\s*(?:(?:tail|musttail|notail)\s+)?)(?<opcode>fneg|fadd|fsub|fmul|fdiv|frem|fcmp|call|select|phi)\b",
        RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex MarkedInstruction();
}
