// Branches, switch and return; catch regions, using and lock are reported (throw: MethodTranslator.Exceptions, finally: .Finally).
using System.Collections.Generic;
using NumbaWeaver.IR;
using NumbaWeaver.Weaving.Diagnostics;
using Cil = Mono.Cecil.Cil;
using Code = Mono.Cecil.Cil.Code;

namespace NumbaWeaver.Weaving.Frontend;

internal sealed partial class MethodTranslator
{
    /// <summary>
    /// Instructions of `throw ...;` statements (from the statement's first instruction to the
    /// throw). Only the throw is reported there: its `new XException("text")` would otherwise add
    /// allocation and string errors that say nothing useful.
    /// </summary>
    private readonly HashSet<Cil.Instruction> _insideThrowStatement = new();

    private const string ExceptionAdvice =
        "rethrow needs a catch block, which compiled code cannot have: throw a new exception instead";

    /// <summary>Reports each try/catch/finally region and sets the stack its handlers start with.</summary>
    private void PrepareExceptionRegions()
    {
        var body = _method.Body;
        foreach (var handler in body.ExceptionHandlers)
        {
            if (IsCompilableFinally(handler))
            {
                DeclareFinallyRegion(handler); // MethodTranslator.Finally.cs
                continue;
            }
            string construct = handler.HandlerType switch
            {
                Cil.ExceptionHandlerType.Catch => "try/catch",
                Cil.ExceptionHandlerType.Filter => "try/catch with a 'when' filter",
                Cil.ExceptionHandlerType.Finally => "'using', 'lock' or 'foreach' over a disposable enumerator (a finally block calling Dispose or Monitor.Exit)",
                _ => "try/fault",
            };
            string advice = handler.HandlerType == Cil.ExceptionHandlerType.Finally
                ? "compiled code has no objects to dispose or lock; write the cleanup in a plain try/finally block, which compiles"
                : "catching is not supported: check for errors with conditions and return a status value (try/finally without catch compiles)";
            Report(DiagnosticCodes.ExceptionHandling, "Exception handling (" + construct + ")", advice, handler.HandlerStart);
            // Catch and filter blocks start with the exception object on the stack.
            bool receivesException = handler.HandlerType is Cil.ExceptionHandlerType.Catch or Cil.ExceptionHandlerType.Filter;
            var entry = receivesException ? new[] { new Slot(Poison) } : System.Array.Empty<Slot>();
            if (handler.HandlerStart != null) _stackAtTarget[handler.HandlerStart] = entry;
            if (handler.FilterStart != null) _stackAtTarget[handler.FilterStart] = entry;
        }
        MarkThrowStatements();
    }

    private void MarkThrowStatements()
    {
        var instructions = _method.Body.Instructions;
        var ownPoints = _method.DebugInformation != null && _method.DebugInformation.HasSequencePoints
            ? _method.DebugInformation.GetSequencePointMapping()
            : new Dictionary<Cil.Instruction, Cil.SequencePoint>();
        for (int k = 0; k < instructions.Count; k++)
        {
            if (instructions[k].OpCode.Code != Code.Throw) continue;
            for (int j = k; j >= 0; j--)
            {
                _insideThrowStatement.Add(instructions[j]);
                if (ownPoints.ContainsKey(instructions[j])) break; // the statement's first instruction
            }
        }
    }

    private void TranslateBranch(Cil.Instruction ins)
    {
        var code = ins.OpCode.Code;
        switch (code)
        {
            case Code.Br: case Code.Br_S:
                EmitBranch(Opcode.Br, null, (Cil.Instruction)ins.Operand);
                return;
            case Code.Switch:
            {
                var value = Pop();
                if (value != IrType.I32)
                {
                    ReportOperands(ins, value);
                    return;
                }
                EmitBranch(Opcode.Switch, null, (Cil.Instruction[])ins.Operand);
                return;
            }
            case Code.Brtrue: case Code.Brtrue_S: case Code.Brfalse: case Code.Brfalse_S:
                TranslateConditionalBranch(ins, code is Code.Brtrue or Code.Brtrue_S);
                return;
        }

        // Two-operand branches become a comparison and a test. For floats, the CIL "un" forms
        // are true when unordered (NaN), so bge (ordered a >= b) is "not (a < b or unordered)".
        var type = PopOperandPair(ins);
        if (type == null) return;
        bool isFloat = type.IsFloat;
        var (compare, whenTrue) = code switch
        {
            Code.Beq or Code.Beq_S => (Opcode.Ceq, true),
            Code.Bne_Un or Code.Bne_Un_S => (Opcode.Ceq, false),
            Code.Bgt or Code.Bgt_S => (Opcode.Cgt, true),
            Code.Bgt_Un or Code.Bgt_Un_S => (Opcode.CgtUn, true),
            Code.Blt or Code.Blt_S => (Opcode.Clt, true),
            Code.Blt_Un or Code.Blt_Un_S => (Opcode.CltUn, true),
            Code.Bge or Code.Bge_S => (isFloat ? Opcode.CltUn : Opcode.Clt, false),
            Code.Bge_Un or Code.Bge_Un_S => (isFloat ? Opcode.Clt : Opcode.CltUn, false),
            Code.Ble or Code.Ble_S => (isFloat ? Opcode.CgtUn : Opcode.Cgt, false),
            _ /* ble.un */ => (isFloat ? Opcode.Cgt : Opcode.CgtUn, false),
        };
        Emit(compare, type);
        EmitBranch(whenTrue ? Opcode.BrTrue : Opcode.BrFalse, IrType.I32, (Cil.Instruction)ins.Operand);
    }

    private void TranslateConditionalBranch(Cil.Instruction ins, bool branchWhenTrue)
    {
        var value = Pop();
        var target = (Cil.Instruction)ins.Operand;
        if (value == IrType.I32 || value == IrType.I64)
        {
            EmitBranch(branchWhenTrue ? Opcode.BrTrue : Opcode.BrFalse, value, target);
            return;
        }
        if (value.IsArrayLike || value.IsByRef)
        {
            // A null test of an array or reference (`a != null`). Neither is ever null inside compiled
            // code (the stub runs the C# method for null arrays), so the test is constant; it stays a
            // conditional branch on a constant so the control flow keeps its shape (LLVM folds it).
            Emit(Opcode.Pop, value);
            Emit(Opcode.Const, IrType.I32, value: 1);
            EmitBranch(branchWhenTrue ? Opcode.BrTrue : Opcode.BrFalse, IrType.I32, target);
            return;
        }
        ReportOperands(ins, value);
    }

    private void TranslateReturn()
    {
        var returnType = _function.ReturnType;
        if (_method.ReturnType.MetadataType != Mono.Cecil.MetadataType.Void)
        {
            var value = Pop();
            if (returnType != Poison && value != returnType.StackType)
            {
                Report(DiagnosticCodes.UnsupportedInstruction, $"Returning a {value} as {returnType}",
                    "return a value of the declared type", null);
            }
        }
        Emit(Opcode.Ret, returnType);
    }

    private void TranslateExceptionFlow(Cil.Instruction ins)
    {
        switch (ins.OpCode.Code)
        {
            case Code.Throw:
                TranslateThrow(ins);
                return;
            case Code.Rethrow:
                Report(DiagnosticCodes.ExceptionHandling, ins.OpCode.Code == Code.Throw ? "throw" : "rethrow (throw;)",
                    ExceptionAdvice, null);
                ApplyStackEffect(ins);
                return;
            case Code.Leave:
            case Code.Leave_S:
                TranslateLeave(ins, (Cil.Instruction)ins.Operand); // MethodTranslator.Finally.cs
                return;
            case Code.Endfinally:
                TranslateEndFinally(ins);
                return;
            default:
                ApplyStackEffect(ins); // endfinally / endfilter, inside reported regions
                return;
        }
    }
}
