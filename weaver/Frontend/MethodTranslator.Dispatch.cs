// Routes each CIL opcode to its category's translator, and reports the opcodes the IR has no equivalent for.
using Mono.Cecil;
using NumbaWeaver.IR;
using NumbaWeaver.Weaving.Diagnostics;
using Cil = Mono.Cecil.Cil;
using Code = Mono.Cecil.Cil.Code;

namespace NumbaWeaver.Weaving.Frontend;

internal sealed partial class MethodTranslator
{
    private void TranslateInstruction(Cil.Instruction ins)
    {
        if (TryTranslateThrowPart(ins) || TryTranslateNumericsStatic(ins) || TryTranslateThrowIfNullName(ins) || TryTranslateStaticField(ins) || TryTranslateStructField(ins)) return;
        switch (ins.OpCode.Code)
        {
            // Prefixes change nothing the IR models (readonly. only marks ldelema results as read-only).
            case Code.Nop: case Code.Readonly: case Code.Volatile: case Code.Tail: case Code.Unaligned:
            case Code.No:
                return;
            case Code.Break:
                return;

            case Code.Ldarg_0: case Code.Ldarg_1: case Code.Ldarg_2: case Code.Ldarg_3: case Code.Ldarg_S: case Code.Ldarg:
            case Code.Starg_S: case Code.Starg: case Code.Ldarga_S: case Code.Ldarga:
            case Code.Ldloc_0: case Code.Ldloc_1: case Code.Ldloc_2: case Code.Ldloc_3: case Code.Ldloc_S: case Code.Ldloc:
            case Code.Stloc_0: case Code.Stloc_1: case Code.Stloc_2: case Code.Stloc_3: case Code.Stloc_S: case Code.Stloc:
            case Code.Ldloca_S: case Code.Ldloca:
                TranslateVariable(ins);
                return;

            case Code.Ldc_I4_M1: case Code.Ldc_I4_0: case Code.Ldc_I4_1: case Code.Ldc_I4_2: case Code.Ldc_I4_3:
            case Code.Ldc_I4_4: case Code.Ldc_I4_5: case Code.Ldc_I4_6: case Code.Ldc_I4_7: case Code.Ldc_I4_8:
            case Code.Ldc_I4_S: case Code.Ldc_I4: case Code.Ldc_I8: case Code.Ldc_R4: case Code.Ldc_R8:
                TranslateConstant(ins);
                return;
            case Code.Dup:
            {
                var slot = PopSlot();
                Emit(Opcode.Dup, slot.Type);
                Push(slot);
                Push(slot.Type);
                return;
            }
            case Code.Pop:
                Emit(Opcode.Pop, Pop());
                return;

            case Code.Add: case Code.Sub: case Code.Mul: case Code.Div: case Code.Rem: case Code.Div_Un: case Code.Rem_Un:
            case Code.And: case Code.Or: case Code.Xor:
            case Code.Add_Ovf: case Code.Add_Ovf_Un: case Code.Sub_Ovf: case Code.Sub_Ovf_Un: case Code.Mul_Ovf: case Code.Mul_Ovf_Un:
                TranslateBinary(ins);
                return;
            case Code.Shl: case Code.Shr: case Code.Shr_Un:
                TranslateShift(ins);
                return;
            case Code.Neg: case Code.Not:
                TranslateUnary(ins);
                return;
            case Code.Ceq: case Code.Cgt: case Code.Cgt_Un: case Code.Clt: case Code.Clt_Un:
                TranslateCompare(ins);
                return;
            case Code.Ckfinite:
                Report(DiagnosticCodes.UnsupportedInstruction, "ckfinite", "test with double.IsFinite and branch", null);
                return;

            case Code.Conv_I1: case Code.Conv_U1: case Code.Conv_I2: case Code.Conv_U2: case Code.Conv_I4: case Code.Conv_U4:
            case Code.Conv_I8: case Code.Conv_U8: case Code.Conv_I: case Code.Conv_U: case Code.Conv_R4: case Code.Conv_R8:
            case Code.Conv_R_Un:
            case Code.Conv_Ovf_I1: case Code.Conv_Ovf_U1: case Code.Conv_Ovf_I2: case Code.Conv_Ovf_U2: case Code.Conv_Ovf_I4:
            case Code.Conv_Ovf_U4: case Code.Conv_Ovf_I8: case Code.Conv_Ovf_U8: case Code.Conv_Ovf_I: case Code.Conv_Ovf_U:
            case Code.Conv_Ovf_I1_Un: case Code.Conv_Ovf_U1_Un: case Code.Conv_Ovf_I2_Un: case Code.Conv_Ovf_U2_Un:
            case Code.Conv_Ovf_I4_Un: case Code.Conv_Ovf_U4_Un: case Code.Conv_Ovf_I8_Un: case Code.Conv_Ovf_U8_Un:
            case Code.Conv_Ovf_I_Un: case Code.Conv_Ovf_U_Un:
                TranslateConversion(ins);
                return;

            case Code.Br: case Code.Br_S:
            case Code.Brtrue: case Code.Brtrue_S: case Code.Brfalse: case Code.Brfalse_S:
            case Code.Beq: case Code.Beq_S: case Code.Bne_Un: case Code.Bne_Un_S:
            case Code.Bge: case Code.Bge_S: case Code.Bge_Un: case Code.Bge_Un_S:
            case Code.Bgt: case Code.Bgt_S: case Code.Bgt_Un: case Code.Bgt_Un_S:
            case Code.Ble: case Code.Ble_S: case Code.Ble_Un: case Code.Ble_Un_S:
            case Code.Blt: case Code.Blt_S: case Code.Blt_Un: case Code.Blt_Un_S:
            case Code.Switch:
                TranslateBranch(ins);
                return;
            case Code.Ret:
                TranslateReturn();
                return;
            case Code.Throw: case Code.Rethrow: case Code.Leave: case Code.Leave_S: case Code.Endfinally: case Code.Endfilter:
                TranslateExceptionFlow(ins);
                return;

            case Code.Ldelem_I1: case Code.Ldelem_U1: case Code.Ldelem_I2: case Code.Ldelem_U2: case Code.Ldelem_I4:
            case Code.Ldelem_U4: case Code.Ldelem_I8: case Code.Ldelem_I: case Code.Ldelem_R4: case Code.Ldelem_R8:
            case Code.Ldelem_Any: case Code.Ldelem_Ref:
            case Code.Stelem_I1: case Code.Stelem_I2: case Code.Stelem_I4: case Code.Stelem_I8: case Code.Stelem_I:
            case Code.Stelem_R4: case Code.Stelem_R8: case Code.Stelem_Any: case Code.Stelem_Ref:
            case Code.Ldelema: case Code.Ldlen:
                TranslateArrayInstruction(ins);
                return;
            case Code.Ldind_I1: case Code.Ldind_U1: case Code.Ldind_I2: case Code.Ldind_U2: case Code.Ldind_I4:
            case Code.Ldind_U4: case Code.Ldind_I8: case Code.Ldind_I: case Code.Ldind_R4: case Code.Ldind_R8:
            case Code.Ldind_Ref: case Code.Ldobj:
            case Code.Stind_I1: case Code.Stind_I2: case Code.Stind_I4: case Code.Stind_I8: case Code.Stind_I:
            case Code.Stind_R4: case Code.Stind_R8: case Code.Stind_Ref: case Code.Stobj:
                TranslateIndirect(ins);
                return;
            case Code.Sizeof:
                TranslateSizeOf(ins);
                return;
            case Code.Initobj:
                TranslateInitObj(ins);
                return;

            case Code.Call: case Code.Callvirt:
                TranslateCall(ins, (MethodReference)ins.Operand);
                return;
            case Code.Newobj:
                TranslateNewObject(ins, (MethodReference)ins.Operand);
                return;
            case Code.Newarr:
                TranslateNewArray(ins); // MethodTranslator.Allocation
                return;
            case Code.Localloc:
                TranslateLocalloc(ins);
                return;
            case Code.Constrained:
                return; // the callvirt it prefixes is reported (virtual/generic calls are unsupported)
        }
        ReportUnsupportedOpcode(ins);
    }

    /// <summary>The opcodes with no IR equivalent, each with its category's code and advice.</summary>
    private void ReportUnsupportedOpcode(Cil.Instruction ins)
    {
        string what = Describe(ins);
        switch (ins.OpCode.Code)
        {
            case Code.Ldstr: case Code.Ldnull: case Code.Box: case Code.Unbox: case Code.Unbox_Any:
            case Code.Castclass: case Code.Isinst: case Code.Ldtoken: case Code.Mkrefany: case Code.Refanyval:
            case Code.Refanytype: case Code.Arglist:
                Report(DiagnosticCodes.Objects, $"Using objects, strings or null ({what})",
                    "use only numbers, bool, char, arrays and spans of them", null);
                break;
            case Code.Ldfld: case Code.Ldflda: case Code.Stfld: case Code.Ldsfld: case Code.Ldsflda: case Code.Stsfld:
                Report(DiagnosticCodes.Fields, $"Field access ({what})",
                    "pass the value or array in as a parameter (use const for constants)", null);
                break;
            case Code.Ldftn: case Code.Ldvirtftn: case Code.Calli:
                Report(DiagnosticCodes.FunctionPointers, $"Delegates, lambdas and function pointers ({what})",
                    "call static methods directly", null);
                break;
            default:
                Report(DiagnosticCodes.UnsupportedInstruction, $"The IL instruction '{what}'",
                    "rewrite this code with the constructs listed in docs/supported.md", null);
                break;
        }
        ApplyStackEffect(ins);
    }

    /// <summary>Applies an instruction's stack effect with unknown result types (after a report).</summary>
    private void ApplyStackEffect(Cil.Instruction ins, int alreadyPopped = 0)
    {
        int pops = System.Math.Min(System.Math.Max(PopCount(ins) - alreadyPopped, 0), _stack.Count);
        for (int i = 0; i < pops; i++) PopSlot();
        for (int i = PushCount(ins); i > 0; i--) Push(Poison);
        if (ins.OpCode.FlowControl == Cil.FlowControl.Cond_Branch || ins.OpCode.FlowControl == Cil.FlowControl.Branch)
        {
            if (ins.Operand is Cil.Instruction target) RecordTargetStack(target);
            if (ins.Operand is Cil.Instruction[] targets) foreach (var t in targets) RecordTargetStack(t);
        }
    }

    private int PopCount(Cil.Instruction ins)
    {
        switch (ins.OpCode.StackBehaviourPop)
        {
            case Cil.StackBehaviour.Pop0: return 0;
            case Cil.StackBehaviour.Pop1: case Cil.StackBehaviour.Popi: case Cil.StackBehaviour.Popref: return 1;
            case Cil.StackBehaviour.Pop1_pop1: case Cil.StackBehaviour.Popi_pop1: case Cil.StackBehaviour.Popi_popi:
            case Cil.StackBehaviour.Popi_popi8: case Cil.StackBehaviour.Popi_popr4: case Cil.StackBehaviour.Popi_popr8:
            case Cil.StackBehaviour.Popref_pop1: case Cil.StackBehaviour.Popref_popi:
                return 2;
            case Cil.StackBehaviour.PopAll: return _stack.Count;
            case Cil.StackBehaviour.Varpop:
                if (ins.OpCode.Code == Code.Ret) return _method.ReturnType.MetadataType == MetadataType.Void ? 0 : 1;
                if (ins.Operand is MethodReference callee)
                    return callee.Parameters.Count + (callee.HasThis && ins.OpCode.Code != Code.Newobj ? 1 : 0);
                if (ins.Operand is CallSite site) return site.Parameters.Count + (site.HasThis ? 1 : 0) + 1;
                return 0;
            default: return 3;
        }
    }

    private static int PushCount(Cil.Instruction ins)
    {
        switch (ins.OpCode.StackBehaviourPush)
        {
            case Cil.StackBehaviour.Push0: return 0;
            case Cil.StackBehaviour.Push1_push1: return 2;
            case Cil.StackBehaviour.Varpush:
                if (ins.OpCode.Code == Code.Newobj) return 1;
                if (ins.Operand is MethodReference callee) return callee.ReturnType.MetadataType == MetadataType.Void ? 0 : 1;
                if (ins.Operand is CallSite site) return site.ReturnType.MetadataType == MetadataType.Void ? 0 : 1;
                return 0;
            default: return 1;
        }
    }
}
