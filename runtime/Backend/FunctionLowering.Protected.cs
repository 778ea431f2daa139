// try/finally: inside a protected region every non-zero status exit jumps to the region's landing instead of returning.
using System;
using System.Collections.Generic;
using NumbaWeaver.IR;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Backend;

/// <summary>
/// <see cref="Opcode.Protect"/> / <see cref="Opcode.EndProtect"/> bracket a region in instruction order.
/// Every way compiled code leaves with a status (a throw, a failed check, a callee's status,
/// <see cref="Opcode.ReturnStatus"/>) goes through <see cref="ExitWithStatus"/>, which stores the status
/// into the landing's stack slot and branches there; the frontend's landing code runs the finally block
/// and then resumes the status (docs/language.md).
/// </summary>
internal sealed partial class FunctionLowering
{
    private int[]? _landings;
    private int _index;

    /// <summary>The landing of the innermost region open at each instruction (-1: none), by a walk in instruction order.</summary>
    private int[] Landings()
    {
        if (_landings != null) return _landings;
        var open = new List<int>(); // a stack; List<int> has precompiled code, Stack<int> would be jitted
        var landings = new int[_f.Body.Count];
        for (int i = 0; i < landings.Length; i++)
        {
            var ins = _f.Body[i];
            if (ins.Op == Opcode.EndProtect)
            {
                if (open.Count == 0) throw new InvalidOperationException($"{_f.Name}: endprotect at {i} without protect");
                open.RemoveAt(open.Count - 1);
            }
            landings[i] = open.Count > 0 ? open[open.Count - 1] : -1;
            if (ins.Op == Opcode.Protect) open.Add(ins.Targets[0]);
        }
        return _landings = landings;
    }

    /// <summary>Ends the current block with a status exit: to the innermost landing, else <c>ret i32 status</c>.</summary>
    private void ExitWithStatus(LLVMValueRef status)
    {
        int landing = Landings()[_index];
        if (landing < 0)
        {
            LLVM.BuildRet(_b, status);
            return;
        }
        var entry = _before[landing];
        if (entry is not { Length: 1 }) throw new NotSupportedException($"{_f.Name}: a protected region must start with an empty stack");
        StoreVariable(SpillSlot(0, IrType.I32), StackValue.Scalar(IrType.I32, status));
        LLVM.BuildBr(_b, Block(landing));
    }

    /// <summary>The current instruction's innermost landing, or -1 (keys the shared status blocks).</summary>
    private int CurrentLanding() => Landings()[_index];

    private void EmitReturnStatus() => ExitWithStatus(Pop().Value);
}
