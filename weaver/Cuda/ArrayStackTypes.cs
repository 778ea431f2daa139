// A small abstract interpretation of a method's IL that records, before each instruction, which stack slots hold arrays and of what type.
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NumbaWeaver.Weaving.Cuda;

/// <summary>
/// ldelem.i4 works on int[] and uint[] alike, and Array.GetLength on any rank: to pick the right
/// device helper the rewriter needs the static type of the array operand. Only array types are
/// tracked; every other slot is null. Methods with exception handlers are not analysed (they are
/// rejected anyway).
/// </summary>
internal static class ArrayStackTypes
{
    /// <summary>Stack before each reachable instruction, top last.</summary>
    public static Dictionary<Instruction, TypeReference?[]> Compute(MethodDefinition method)
    {
        var before = new Dictionary<Instruction, TypeReference?[]>();
        var body = method.Body;
        if (body.Instructions.Count == 0 || body.HasExceptionHandlers) return before;
        var work = new Stack<Instruction>();
        before[body.Instructions[0]] = new TypeReference?[0];
        work.Push(body.Instructions[0]);
        while (work.Count > 0)
        {
            var ins = work.Pop();
            var after = Step(method, ins, before[ins].ToList());
            if (after == null) continue;
            foreach (var next in Successors(ins))
            {
                if (before.ContainsKey(next)) continue;
                before[next] = after.ToArray();
                work.Push(next);
            }
        }
        return before;
    }

    private static IEnumerable<Instruction> Successors(Instruction ins)
    {
        var flow = ins.OpCode.FlowControl;
        if (ins.Operand is Instruction target) yield return target;
        if (ins.Operand is Instruction[] targets)
            foreach (var t in targets) yield return t;
        if (flow is FlowControl.Branch or FlowControl.Return or FlowControl.Throw) yield break;
        if (ins.Next != null) yield return ins.Next;
    }

    private static List<TypeReference?>? Step(MethodDefinition method, Instruction ins, List<TypeReference?> stack)
    {
        var op = ins.OpCode;
        TypeReference? pushed = Pushed(method, ins, stack);
        int pop = Pops(method, ins, stack.Count);
        if (pop < 0) stack.Clear();
        else if (pop > stack.Count) return null; // malformed or unsupported: stop here, the rewriter reports it
        else stack.RemoveRange(stack.Count - pop, pop);
        int push = Pushes(ins);
        if (op.Code == Code.Dup && stack.Count > 0)
        {
            stack.Add(stack[stack.Count - 1]);
            return stack;
        }
        for (int i = 0; i < push; i++) stack.Add(i == push - 1 ? pushed : null);
        return stack;
    }

    private static TypeReference? Pushed(MethodDefinition method, Instruction ins, List<TypeReference?> stack)
    {
        TypeReference? type = ins.OpCode.Code switch
        {
            Code.Ldarg_0 => method.Parameters[0].ParameterType,
            Code.Ldarg_1 => method.Parameters[1].ParameterType,
            Code.Ldarg_2 => method.Parameters[2].ParameterType,
            Code.Ldarg_3 => method.Parameters[3].ParameterType,
            Code.Ldarg or Code.Ldarg_S => ((ParameterDefinition)ins.Operand).ParameterType,
            Code.Ldloc_0 => method.Body.Variables[0].VariableType,
            Code.Ldloc_1 => method.Body.Variables[1].VariableType,
            Code.Ldloc_2 => method.Body.Variables[2].VariableType,
            Code.Ldloc_3 => method.Body.Variables[3].VariableType,
            Code.Ldloc or Code.Ldloc_S => ((VariableDefinition)ins.Operand).VariableType,
            Code.Call or Code.Callvirt or Code.Newobj => ReturnType((MethodReference)ins.Operand),
            _ => null,
        };
        return type is ArrayType ? type : null;
    }

    /// <summary>The return type with method generic parameters substituted (Cuda.Shared.Array&lt;float&gt; returns float[]).</summary>
    public static TypeReference ReturnType(MethodReference method)
    {
        var ret = method.ReturnType;
        if (method is GenericInstanceMethod g && ret is ArrayType a && a.ElementType is GenericParameter p && p.Type == GenericParameterType.Method)
            return new ArrayType(g.GenericArguments[p.Position], a.Rank);
        return ret;
    }

    private static int Pops(MethodDefinition method, Instruction ins, int depth)
    {
        switch (ins.OpCode.StackBehaviourPop)
        {
            case StackBehaviour.Pop0: return 0;
            case StackBehaviour.Pop1:
            case StackBehaviour.Popi:
            case StackBehaviour.Popref: return 1;
            case StackBehaviour.Pop1_pop1:
            case StackBehaviour.Popi_pop1:
            case StackBehaviour.Popi_popi:
            case StackBehaviour.Popi_popi8:
            case StackBehaviour.Popi_popr4:
            case StackBehaviour.Popi_popr8:
            case StackBehaviour.Popref_pop1:
            case StackBehaviour.Popref_popi: return 2;
            case StackBehaviour.PopAll: return -1;
            case StackBehaviour.Varpop:
                if (ins.OpCode.Code == Code.Ret) return method.ReturnType.MetadataType == MetadataType.Void ? 0 : 1;
                if (ins.Operand is MethodReference m)
                    return m.Parameters.Count + (m.HasThis && ins.OpCode.Code != Code.Newobj ? 1 : 0);
                if (ins.Operand is CallSite site) return site.Parameters.Count + 1;
                return depth;
            default: return 3;
        }
    }

    private static int Pushes(Instruction ins)
    {
        switch (ins.OpCode.StackBehaviourPush)
        {
            case StackBehaviour.Push0: return 0;
            case StackBehaviour.Push1_push1: return 2;
            case StackBehaviour.Varpush:
                if (ins.Operand is MethodReference m)
                    return ins.OpCode.Code == Code.Newobj || m.ReturnType.MetadataType != MetadataType.Void ? 1 : 0;
                if (ins.Operand is CallSite site) return site.ReturnType.MetadataType != MetadataType.Void ? 1 : 0;
                return 0;
            default: return 1;
        }
    }
}
