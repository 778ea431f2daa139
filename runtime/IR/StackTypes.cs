// Abstract interpretation of the evaluation stack: the stack's types before every instruction.
using System;
using System.Collections.Generic;
using System.Linq;

namespace NumbaWeaver.IR;

/// <summary>
/// Computes the type stack before each instruction of a function and checks every operand
/// against its opcode. The verifier reports its errors; the backend uses the stack shapes at
/// block boundaries to create spill slots.
/// </summary>
public sealed partial class StackTypes
{
    private StackTypes(IrType[]?[] before, List<string> errors)
    {
        Before = before;
        Errors = errors;
    }

    /// <summary>Stack before each instruction, bottom first; null when the instruction is unreachable.</summary>
    public IrType[]?[] Before { get; }

    public List<string> Errors { get; }

    /// <summary>Signature lookup for <see cref="Opcode.Call"/>; null when callees cannot be checked.</summary>
    public static StackTypes Compute(IrFunction f, Func<string, IrFunction?>? findFunction)
    {
        var body = f.Body;
        var before = new IrType[]?[body.Count];
        var errors = new List<string>();
        var work = new List<int>(); // a stack; List<int> has precompiled code, Stack<int> would be jitted on a first compile
        if (body.Count > 0)
        {
            before[0] = Array.Empty<IrType>();
            work.Add(0);
        }
        while (work.Count > 0)
        {
            int pc = work[work.Count - 1];
            work.RemoveAt(work.Count - 1);
            var ins = body[pc];
            var stack = new List<IrType>(before[pc]!);
            string? error = Apply(f, ins, stack, findFunction);
            if (error != null)
            {
                errors.Add($"{pc}: {ins}: {error}");
                continue;
            }
            var after = stack.ToArray();
            // A protected region's landing also receives the status on top of the stack (Opcode.Protect).
            var atTarget = ins.Op == Opcode.Protect ? after.Append(IrType.I32).ToArray() : after;
            foreach (int t in ins.Targets) Flow(pc, t, atTarget);
            if (!ins.EndsFlow) Flow(pc, pc + 1, after);

            void Flow(int from, int to, IrType[] after)
            {
                if (to < 0 || to >= body.Count)
                {
                    errors.Add($"{from}: control flows to {to}, outside the body");
                    return;
                }
                var existing = before[to];
                if (existing == null)
                {
                    before[to] = after;
                    work.Add(to);
                }
                else if (!existing.SequenceEqual(after))
                {
                    errors.Add($"{from}: stack [{string.Join(", ", after.Select(x => x.ToString()))}] " +
                               $"disagrees with [{string.Join(", ", existing.Select(x => x.ToString()))}] at {to}");
                }
            }
        }
        return new StackTypes(before, errors);
    }

    /// <summary>Pops the top stack type; null on underflow.</summary>
    private static IrType? PopType(List<IrType> stack)
    {
        if (stack.Count == 0) return null;
        var t = stack[stack.Count - 1];
        stack.RemoveAt(stack.Count - 1);
        return t;
    }

    /// <summary>Pops a value that must have type <paramref name="want"/>; the error, or null.</summary>
    private static string? ExpectType(List<IrType> stack, IrType want, string what)
    {
        var got = PopType(stack);
        if (got == null) return $"stack underflow reading {what}";
        return got == want ? null : $"{what} is {got}, expected {want}";
    }

    private static string? Apply(IrFunction f, Instruction ins, List<IrType> stack, Func<string, IrFunction?>? find)
    {
        IrType? Pop() => PopType(stack);
        string? Expect(IrType want, string what) => ExpectType(stack, want, what);
        string? ExpectIndex()
        {
            var got = Pop();
            if (got == null) return "stack underflow reading an index";
            return got == IrType.I32 || got == IrType.I64 ? null : $"index is {got}, expected i32 or i64";
        }
        IrVariable? Var(List<IrVariable> list) => ins.Int >= 0 && ins.Int < list.Count ? list[(int)ins.Int] : null;
        IrType Need(IrType? t) => t ?? throw new InvalidOperationException($"{ins.Op} needs a type operand");

        try
        {
            switch (ins.Op)
            {
                case Opcode.Nop:
                case Opcode.Br:
                    return null;
                case Opcode.Const:
                    stack.Add(Need(ins.Type).StackType);
                    return null;
                case Opcode.LdArg:
                case Opcode.LdLoc:
                {
                    var v = Var(ins.Op == Opcode.LdArg ? f.Parameters : f.Locals);
                    if (v == null) return "variable index out of range";
                    stack.Add(v.Type.IsByRef ? v.Type : v.Type.StackType);
                    return null;
                }
                case Opcode.StArg:
                case Opcode.StLoc:
                {
                    var v = Var(ins.Op == Opcode.StArg ? f.Parameters : f.Locals);
                    if (v == null) return "variable index out of range";
                    return Expect(v.Type.StackType, "stored value");
                }
                case Opcode.LdArgA:
                case Opcode.LdLocA:
                {
                    var v = Var(ins.Op == Opcode.LdArgA ? f.Parameters : f.Locals);
                    if (v == null) return "variable index out of range";
                    if (!v.Type.IsScalar && !v.Type.IsStruct) return $"address of a {v.Type} variable";
                    stack.Add(IrType.RefTo(v.Type));
                    return null;
                }
                case Opcode.Dup:
                {
                    var t = Pop();
                    if (t == null) return "stack underflow";
                    stack.Add(t);
                    stack.Add(t);
                    return null;
                }
                case Opcode.Pop:
                    return Pop() == null ? "stack underflow" : null;
                case Opcode.Add: case Opcode.Sub: case Opcode.Mul: case Opcode.Div: case Opcode.Rem:
                case Opcode.DivUn: case Opcode.RemUn: case Opcode.And: case Opcode.Or: case Opcode.Xor:
                case Opcode.AddOvf: case Opcode.AddOvfUn: case Opcode.SubOvf: case Opcode.SubOvfUn:
                case Opcode.MulOvf: case Opcode.MulOvfUn:
                {
                    var t = Need(ins.Type);
                    if (t != t.StackType || !t.IsScalar) return $"arithmetic on {t}";
                    bool intOnly = ins.Op is Opcode.DivUn or Opcode.RemUn or Opcode.And or Opcode.Or or Opcode.Xor
                        or Opcode.AddOvf or Opcode.AddOvfUn or Opcode.SubOvf or Opcode.SubOvfUn or Opcode.MulOvf or Opcode.MulOvfUn;
                    if (intOnly && t.IsFloat) return $"{ins.Op} on {t}";
                    var e = Expect(t, "right operand") ?? Expect(t, "left operand");
                    stack.Add(t);
                    return e;
                }
                case Opcode.Shl: case Opcode.Shr: case Opcode.ShrUn:
                {
                    var t = Need(ins.Type);
                    if (t != IrType.I32 && t != IrType.I64) return $"shift of {t}";
                    var e = Expect(IrType.I32, "shift count") ?? Expect(t, "shifted value");
                    stack.Add(t);
                    return e;
                }
                case Opcode.Neg: case Opcode.Not:
                {
                    var t = Need(ins.Type);
                    if (ins.Op == Opcode.Not && t.IsFloat) return "not of a float";
                    var e = Expect(t, "operand");
                    stack.Add(t);
                    return e;
                }
                case Opcode.Ceq: case Opcode.Cgt: case Opcode.CgtUn: case Opcode.Clt: case Opcode.CltUn:
                {
                    var t = Need(ins.Type);
                    var e = Expect(t, "right operand") ?? Expect(t, "left operand");
                    stack.Add(IrType.I32);
                    return e;
                }
                case Opcode.Conv:
                {
                    var to = Need(ins.Type);
                    if (!to.IsScalar) return $"conversion to {to}";
                    var e = Expect(Need(ins.Type2), "converted value");
                    stack.Add(to.StackType);
                    return e;
                }
                case Opcode.BrTrue: case Opcode.BrFalse:
                    return Expect(Need(ins.Type), "condition");
                case Opcode.Switch:
                    return Expect(IrType.I32, "switch value");
                case Opcode.Ret:
                {
                    if (f.ReturnType.Kind != TypeKind.Void)
                    {
                        var e = Expect(f.ReturnType.StackType, "return value");
                        if (e != null) return e;
                    }
                    return stack.Count == 0 ? null : $"{stack.Count} values left on the stack at return";
                }
                case Opcode.ArrLen:
                {
                    var e = Expect(Need(ins.Type2), "array");
                    stack.Add(Need(ins.Type));
                    return e;
                }
                case Opcode.ArrDimLen:
                {
                    var e = Expect(IrType.I32, "dimension") ?? Expect(Need(ins.Type2), "array");
                    stack.Add(IrType.I32);
                    return e;
                }
                case Opcode.ElemAddr:
                case Opcode.LdElem:
                case Opcode.StElem:
                {
                    var arr = Need(ins.Type2);
                    if (!arr.IsArrayLike) return $"element access on {arr}";
                    string? e = ins.Op == Opcode.StElem ? Expect(arr.Element!.StackType, "stored element") : null;
                    for (int i = 0; i < arr.Rank && e == null; i++) e = ExpectIndex();
                    e ??= Expect(arr, "array");
                    if (ins.Op == Opcode.ElemAddr) stack.Add(IrType.RefTo(arr.Element!));
                    if (ins.Op == Opcode.LdElem) stack.Add(arr.Element!.StackType);
                    return e;
                }
                case Opcode.ToSpan:
                {
                    var to = Need(ins.Type);
                    var from = Need(ins.Type2);
                    if (to.Kind is not (TypeKind.Span or TypeKind.ReadOnlySpan) || from.Rank != 1 || to.Element != from.Element)
                        return $"no span conversion from {from} to {to}";
                    var e = Expect(from, "array");
                    stack.Add(to);
                    return e;
                }
                case Opcode.LdInd:
                case Opcode.StInd:
                {
                    var t = Need(ins.Type);
                    string? e = ins.Op == Opcode.StInd ? Expect(t.StackType, "stored value") : null;
                    if (e != null) return e;
                    var r = Pop();
                    if (r == null || !r.IsByRef) return $"expected a reference, found {r?.ToString() ?? "nothing"}";
                    if ((r.Element!.IsStruct || t.IsStruct) && r.Element != t) return $"{ins.Op} {t} through {r}";
                    if (r.Element.SizeInBytes != t.SizeInBytes || r.Element.IsFloat != t.IsFloat)
                        return $"{ins.Op} {t} through {r}";
                    if (ins.Op == Opcode.LdInd) stack.Add(t.StackType);
                    return null;
                }
                case Opcode.Call:
                case Opcode.CallIntrinsic:
                {
                    IrType ret;
                    IrType[] ps;
                    if (ins.Op == Opcode.CallIntrinsic)
                    {
                        var sig = Intrinsics.Find(ins.Name ?? "");
                        if (sig == null) return $"unknown intrinsic '{ins.Name}'";
                        ret = sig.ReturnType;
                        ps = sig.Parameters;
                    }
                    else
                    {
                        if (find == null) return "calls cannot be checked without a module";
                        var callee = find(ins.Name ?? "");
                        if (callee == null) return $"unknown function '{ins.Name}'";
                        ret = callee.ReturnType;
                        ps = callee.Parameters.Select(p => p.Type).ToArray();
                    }
                    for (int i = ps.Length - 1; i >= 0; i--)
                    {
                        var want = ps[i].IsByRef ? ps[i] : ps[i].StackType;
                        var e = Expect(want, $"argument {i}");
                        if (e != null) return e;
                    }
                    if (ret.Kind != TypeKind.Void) stack.Add(ret.StackType);
                    return null;
                }
                case Opcode.ParallelFor:
                    return ParallelLoops.CheckStack(ins, find, Expect);
                case Opcode.Slice:
                {
                    var to = Need(ins.Type);
                    var from = Need(ins.Type2);
                    if (to.Kind is not (TypeKind.Span or TypeKind.ReadOnlySpan) || !from.IsArrayLike || from.Rank != 1 || to.Element != from.Element)
                        return $"no slice of {from} as {to}";
                    var e = (ins.Int == 1 ? Expect(IrType.I32, "slice length") : null) ?? Expect(IrType.I32, "slice start") ?? Expect(from, "sliced array");
                    stack.Add(to);
                    return e;
                }
                case Opcode.LdStatic:
                {
                    var t = Need(ins.Type);
                    if (!t.IsArrayLike || string.IsNullOrEmpty(ins.Name)) return $"static field load of {t} named '{ins.Name}'";
                    stack.Add(t);
                    return null;
                }
                case Opcode.Protect:
                    return ins.Targets.Count == 1 ? null : "protect needs exactly one landing";
                case Opcode.EndProtect:
                    return null;
                case Opcode.ReturnStatus:
                    return Expect(IrType.I32, "status");
                case Opcode.Throw:
                {
                    var holes = ThrowDescriptor.Decode(ins.Name ?? "").HoleTypes;
                    for (int i = holes.Count - 1; i >= 0; i--)
                    {
                        var e = Expect(holes[i].StackType, $"thrown value {i}");
                        if (e != null) return e;
                    }
                    return null;
                }
                case Opcode.FieldAddr: case Opcode.LdFld: case Opcode.StFld: case Opcode.InitObj:
                case Opcode.NewStruct: case Opcode.MakeStruct:
                    return ApplyStruct(ins, stack, find);
                case Opcode.NewArr:
                case Opcode.StackAlloc:
                case Opcode.Fill:
                case Opcode.CopyTo:
                    return AllocationStack.Apply(ins, stack, Expect, ExpectIndex);
                default:
                    return $"unknown opcode {ins.Op}";
            }
        }
        catch (InvalidOperationException ex)
        {
            return ex.Message;
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }
}
