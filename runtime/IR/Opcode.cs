// The IR instruction set: a typed, resolved stack machine close to CIL (see docs/ir.md).
namespace NumbaWeaver.IR;

/// <summary>
/// IR opcodes. The IR keeps CIL's evaluation-stack model (the backend turns it into SSA through
/// allocas and mem2reg) but every operand is resolved and every instruction carries the types it
/// works on, so the runtime never needs Cecil or metadata. Operand fields of
/// <see cref="Instruction"/> used by each opcode are given in brackets; stack effects as
/// "pops -> pushes".
/// </summary>
public enum Opcode
{
    Nop,

    // ---- constants and variables ----
    /// <summary>[Type: i32/i64/f32/f64; Int or Float] -> value</summary>
    Const,
    /// <summary>[Int: parameter index] -> value (small integers widened to their stack type)</summary>
    LdArg,
    /// <summary>[Int: parameter index] value -></summary>
    StArg,
    /// <summary>[Int: parameter index] -> ref to the parameter's storage</summary>
    LdArgA,
    /// <summary>[Int: local index] -> value</summary>
    LdLoc,
    /// <summary>[Int: local index] value -></summary>
    StLoc,
    /// <summary>[Int: local index] -> ref to the local</summary>
    LdLocA,
    /// <summary>[Type] value -> value value</summary>
    Dup,
    /// <summary>[Type] value -></summary>
    Pop,

    // ---- arithmetic: [Type = operand stack type] a b -> result ----
    Add, Sub, Mul, Div, Rem,
    /// <summary>Unsigned division and remainder (integers only).</summary>
    DivUn, RemUn,
    And, Or, Xor,
    /// <summary>Shifts: [Type = value type] value count(i32) -> result. Counts are masked to the width.</summary>
    Shl, Shr, ShrUn,
    /// <summary>Checked arithmetic (C# <c>checked</c>): OverflowException on overflow.</summary>
    AddOvf, AddOvfUn, SubOvf, SubOvfUn, MulOvf, MulOvfUn,
    /// <summary>[Type] a -> -a</summary>
    Neg,
    /// <summary>[Type] a -> ~a</summary>
    Not,

    // ---- comparisons: [Type = operand type] a b -> i32 (0 or 1). *Un: unsigned, or unordered for floats ----
    Ceq, Cgt, CgtUn, Clt, CltUn,

    /// <summary>
    /// [Type = target scalar; Type2 = source stack type; Int = ConvFlags] value -> converted, widened to
    /// the target's stack type. Float to integer saturates (NaN gives 0) as .NET 10 does.
    /// </summary>
    Conv,

    // ---- control flow: Targets hold instruction indices ----
    /// <summary>[Targets[0]]</summary>
    Br,
    /// <summary>[Type = operand type; Targets[0]] value -> (branch when non-zero)</summary>
    BrTrue,
    /// <summary>[Type = operand type; Targets[0]] value -> (branch when zero)</summary>
    BrFalse,
    /// <summary>[Targets: jump table] i32 -> (falls through when out of range)</summary>
    Switch,
    /// <summary>[Type = return type] value? -></summary>
    Ret,

    // ---- arrays and spans: [Type2 = array/span type] ----
    /// <summary>[Type = result type i32 or i64; Type2] array -> total element count</summary>
    ArrLen,
    /// <summary>[Type2] array dim(i32) -> i32 length of that dimension (IndexOutOfRange for a bad dimension)</summary>
    ArrDimLen,
    /// <summary>[Type2] array index1..indexRank -> ref&lt;elem&gt; (bounds-checked unless disabled)</summary>
    ElemAddr,
    /// <summary>[Type2] array index1..indexRank -> element (widened to stack type)</summary>
    LdElem,
    /// <summary>[Type2] array index1..indexRank value -></summary>
    StElem,
    /// <summary>[Type = target span type; Type2 = source array/span type] array -> span (1-D; no copy)</summary>
    ToSpan,

    // ---- memory through references ----
    /// <summary>[Type = element scalar] ref -> value</summary>
    LdInd,
    /// <summary>[Type = element scalar] ref value -></summary>
    StInd,

    // ---- calls ----
    /// <summary>[Name = callee function name in the module] args -> result?</summary>
    Call,
    /// <summary>[Name = intrinsic name, see <see cref="Intrinsics"/>] args -> result?</summary>
    CallIntrinsic,

    /// <summary>
    /// A parallel loop (docs/parallel.md): [Name = chunk function, see <see cref="ParallelLoops"/>]
    /// start(i64) stop(i64) step(i64) captured... reductionRefs... -> . Runs the chunk function over
    /// the iterations on worker threads and combines the reductions in chunk order.
    /// </summary>
    ParallelFor,

    // ---- exceptions ----
    /// <summary>
    /// [Name = encoded <see cref="ThrowDescriptor"/>] values of the descriptor's hole types -> (never
    /// continues): raises the described exception (status <see cref="Status.Raised"/>, docs/abi.md).
    /// </summary>
    Throw,

    // ---- static readonly fields ----
    /// <summary>
    /// [Type = array type; Name = "assembly|Namespace.Type+Nested|field"] -> the array a static readonly
    /// field holds, resolved (and pinned for good) by the runtime when the function starts (docs/abi.md).
    /// </summary>
    LdStatic,

    // ---- views ----
    /// <summary>
    /// [Type = result span type; Type2 = source 1-D array/span type; Int = 1 when a length is given]
    /// source start(i32) length(i32)? -> span over source[start .. start+length) without copying.
    /// Start/length outside the source: ArgumentOutOfRangeException (status SliceOutOfRange), as Span.Slice.
    /// </summary>
    Slice,

    // ---- structs (docs/ir.md "Structs"); ldind/stind, ldelem/stelem and ldloc/stloc copy whole structs ----
    /// <summary>[Type = struct; Int = field index] ref&lt;struct&gt; -> ref&lt;field&gt;</summary>
    FieldAddr,
    /// <summary>[Type = struct; Int = field index] struct or ref&lt;struct&gt; -> field value (widened to its stack type)</summary>
    LdFld,
    /// <summary>[Type = struct; Int = field index] ref&lt;struct&gt; value -></summary>
    StFld,
    /// <summary>[Type = struct] ref&lt;struct&gt; -> : zeroes the struct (C# <c>default</c>)</summary>
    InitObj,
    /// <summary>
    /// [Type = struct; Name = constructor function, whose parameter 0 is ref&lt;struct&gt;] args... -> struct:
    /// <c>new S(args)</c> on zeroed storage.
    /// </summary>
    NewStruct,
    /// <summary>[Type = struct] field0 ... fieldN-1 (stack types) -> struct built from them (tuple construction)</summary>
    MakeStruct,
    // ---- generic math (generic functions only; docs/ir.md) ----
    /// <summary>
    /// [Name = operation, see <see cref="GenericMath"/>; Type = the type operated on, usually a type parameter;
    /// Type2 = the source type of a conversion (Create*); Int = operand count of a library function]
    /// operands -> result. Instantiation (<see cref="GenericInstantiation"/>) replaces it with concrete instructions.
    /// </summary>
    GenericMath,

    // ---- try/finally (docs/language.md, "try/finally") ----
    /// <summary>
    /// [Targets[0] = landing] -> : opens a protected region that lasts, in instruction order, up to the
    /// matching <see cref="EndProtect"/>. Inside it every exit with a non-zero status (a throw, a failed
    /// check, a callee's status) jumps to the landing instead of returning; the landing starts with the
    /// stack the region started with plus the status (i32) on top.
    /// </summary>
    Protect,
    /// <summary>[] -> : closes the innermost open <see cref="Protect"/> region (in instruction order).</summary>
    EndProtect,
    /// <summary>
    /// [] status(i32) -> (never continues): exits with that status as if it had been raised here (it goes
    /// to the landing of an enclosing protected region, else the function returns it). Resumes an
    /// exception after a finally block has run.
    /// </summary>
    ReturnStatus,
}

/// <summary>Modifiers of <see cref="Opcode.Conv"/>.</summary>
[System.Flags]
public enum ConvFlags
{
    None = 0,
    /// <summary>conv.ovf.*: throw OverflowException when the value does not fit.</summary>
    Overflow = 1,
    /// <summary>The source integer is unsigned (conv.*.un, conv.r.un).</summary>
    UnsignedSource = 2,
}
