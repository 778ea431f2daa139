// Blittable handle structs for the LLVM C API's opaque pointer types, named as in llvm-c.
using System;

namespace NumbaWeaver.Llvm.Interop;

/// <summary>An <c>LLVMContextRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMContextRef : IEquatable<LLVMContextRef>
{
    public readonly nint Handle;

    public LLVMContextRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMContextRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMContextRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMContextRef(0x{Handle:x})";

    public static bool operator ==(LLVMContextRef left, LLVMContextRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMContextRef left, LLVMContextRef right) => left.Handle != right.Handle;
}

/// <summary>An <c>LLVMModuleRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMModuleRef : IEquatable<LLVMModuleRef>
{
    public readonly nint Handle;

    public LLVMModuleRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMModuleRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMModuleRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMModuleRef(0x{Handle:x})";

    public static bool operator ==(LLVMModuleRef left, LLVMModuleRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMModuleRef left, LLVMModuleRef right) => left.Handle != right.Handle;
}

/// <summary>An <c>LLVMTypeRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMTypeRef : IEquatable<LLVMTypeRef>
{
    public readonly nint Handle;

    public LLVMTypeRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMTypeRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMTypeRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMTypeRef(0x{Handle:x})";

    public static bool operator ==(LLVMTypeRef left, LLVMTypeRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMTypeRef left, LLVMTypeRef right) => left.Handle != right.Handle;
}

/// <summary>An <c>LLVMValueRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMValueRef : IEquatable<LLVMValueRef>
{
    public readonly nint Handle;

    public LLVMValueRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMValueRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMValueRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMValueRef(0x{Handle:x})";

    public static bool operator ==(LLVMValueRef left, LLVMValueRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMValueRef left, LLVMValueRef right) => left.Handle != right.Handle;
}

/// <summary>An <c>LLVMBasicBlockRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMBasicBlockRef : IEquatable<LLVMBasicBlockRef>
{
    public readonly nint Handle;

    public LLVMBasicBlockRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMBasicBlockRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMBasicBlockRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMBasicBlockRef(0x{Handle:x})";

    public static bool operator ==(LLVMBasicBlockRef left, LLVMBasicBlockRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMBasicBlockRef left, LLVMBasicBlockRef right) => left.Handle != right.Handle;
}

/// <summary>An <c>LLVMBuilderRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMBuilderRef : IEquatable<LLVMBuilderRef>
{
    public readonly nint Handle;

    public LLVMBuilderRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMBuilderRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMBuilderRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMBuilderRef(0x{Handle:x})";

    public static bool operator ==(LLVMBuilderRef left, LLVMBuilderRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMBuilderRef left, LLVMBuilderRef right) => left.Handle != right.Handle;
}

/// <summary>An <c>LLVMMetadataRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMMetadataRef : IEquatable<LLVMMetadataRef>
{
    public readonly nint Handle;

    public LLVMMetadataRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMMetadataRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMMetadataRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMMetadataRef(0x{Handle:x})";

    public static bool operator ==(LLVMMetadataRef left, LLVMMetadataRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMMetadataRef left, LLVMMetadataRef right) => left.Handle != right.Handle;
}

/// <summary>An <c>LLVMAttributeRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMAttributeRef : IEquatable<LLVMAttributeRef>
{
    public readonly nint Handle;

    public LLVMAttributeRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMAttributeRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMAttributeRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMAttributeRef(0x{Handle:x})";

    public static bool operator ==(LLVMAttributeRef left, LLVMAttributeRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMAttributeRef left, LLVMAttributeRef right) => left.Handle != right.Handle;
}

/// <summary>An <c>LLVMMemoryBufferRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMMemoryBufferRef : IEquatable<LLVMMemoryBufferRef>
{
    public readonly nint Handle;

    public LLVMMemoryBufferRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMMemoryBufferRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMMemoryBufferRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMMemoryBufferRef(0x{Handle:x})";

    public static bool operator ==(LLVMMemoryBufferRef left, LLVMMemoryBufferRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMMemoryBufferRef left, LLVMMemoryBufferRef right) => left.Handle != right.Handle;
}

/// <summary>An <c>LLVMUseRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMUseRef : IEquatable<LLVMUseRef>
{
    public readonly nint Handle;

    public LLVMUseRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMUseRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMUseRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMUseRef(0x{Handle:x})";

    public static bool operator ==(LLVMUseRef left, LLVMUseRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMUseRef left, LLVMUseRef right) => left.Handle != right.Handle;
}

/// <summary>An <c>LLVMNamedMDNodeRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMNamedMDNodeRef : IEquatable<LLVMNamedMDNodeRef>
{
    public readonly nint Handle;

    public LLVMNamedMDNodeRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMNamedMDNodeRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMNamedMDNodeRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMNamedMDNodeRef(0x{Handle:x})";

    public static bool operator ==(LLVMNamedMDNodeRef left, LLVMNamedMDNodeRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMNamedMDNodeRef left, LLVMNamedMDNodeRef right) => left.Handle != right.Handle;
}

/// <summary>An <c>LLVMDiagnosticInfoRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMDiagnosticInfoRef : IEquatable<LLVMDiagnosticInfoRef>
{
    public readonly nint Handle;

    public LLVMDiagnosticInfoRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMDiagnosticInfoRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMDiagnosticInfoRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMDiagnosticInfoRef(0x{Handle:x})";

    public static bool operator ==(LLVMDiagnosticInfoRef left, LLVMDiagnosticInfoRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMDiagnosticInfoRef left, LLVMDiagnosticInfoRef right) => left.Handle != right.Handle;
}

/// <summary>An <c>LLVMTargetRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMTargetRef : IEquatable<LLVMTargetRef>
{
    public readonly nint Handle;

    public LLVMTargetRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMTargetRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMTargetRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMTargetRef(0x{Handle:x})";

    public static bool operator ==(LLVMTargetRef left, LLVMTargetRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMTargetRef left, LLVMTargetRef right) => left.Handle != right.Handle;
}

/// <summary>An <c>LLVMTargetMachineRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMTargetMachineRef : IEquatable<LLVMTargetMachineRef>
{
    public readonly nint Handle;

    public LLVMTargetMachineRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMTargetMachineRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMTargetMachineRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMTargetMachineRef(0x{Handle:x})";

    public static bool operator ==(LLVMTargetMachineRef left, LLVMTargetMachineRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMTargetMachineRef left, LLVMTargetMachineRef right) => left.Handle != right.Handle;
}

/// <summary>An <c>LLVMTargetDataRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMTargetDataRef : IEquatable<LLVMTargetDataRef>
{
    public readonly nint Handle;

    public LLVMTargetDataRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMTargetDataRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMTargetDataRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMTargetDataRef(0x{Handle:x})";

    public static bool operator ==(LLVMTargetDataRef left, LLVMTargetDataRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMTargetDataRef left, LLVMTargetDataRef right) => left.Handle != right.Handle;
}

/// <summary>An <c>LLVMTargetMachineOptionsRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMTargetMachineOptionsRef : IEquatable<LLVMTargetMachineOptionsRef>
{
    public readonly nint Handle;

    public LLVMTargetMachineOptionsRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMTargetMachineOptionsRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMTargetMachineOptionsRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMTargetMachineOptionsRef(0x{Handle:x})";

    public static bool operator ==(LLVMTargetMachineOptionsRef left, LLVMTargetMachineOptionsRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMTargetMachineOptionsRef left, LLVMTargetMachineOptionsRef right) => left.Handle != right.Handle;
}

/// <summary>An <c>LLVMPassBuilderOptionsRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMPassBuilderOptionsRef : IEquatable<LLVMPassBuilderOptionsRef>
{
    public readonly nint Handle;

    public LLVMPassBuilderOptionsRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMPassBuilderOptionsRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMPassBuilderOptionsRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMPassBuilderOptionsRef(0x{Handle:x})";

    public static bool operator ==(LLVMPassBuilderOptionsRef left, LLVMPassBuilderOptionsRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMPassBuilderOptionsRef left, LLVMPassBuilderOptionsRef right) => left.Handle != right.Handle;
}

/// <summary>An <c>LLVMErrorRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMErrorRef : IEquatable<LLVMErrorRef>
{
    public readonly nint Handle;

    public LLVMErrorRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMErrorRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMErrorRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMErrorRef(0x{Handle:x})";

    public static bool operator ==(LLVMErrorRef left, LLVMErrorRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMErrorRef left, LLVMErrorRef right) => left.Handle != right.Handle;
}

/// <summary>An <c>LLVMOrcLLJITRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMOrcLLJITRef : IEquatable<LLVMOrcLLJITRef>
{
    public readonly nint Handle;

    public LLVMOrcLLJITRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMOrcLLJITRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMOrcLLJITRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMOrcLLJITRef(0x{Handle:x})";

    public static bool operator ==(LLVMOrcLLJITRef left, LLVMOrcLLJITRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMOrcLLJITRef left, LLVMOrcLLJITRef right) => left.Handle != right.Handle;
}

/// <summary>An <c>LLVMOrcLLJITBuilderRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMOrcLLJITBuilderRef : IEquatable<LLVMOrcLLJITBuilderRef>
{
    public readonly nint Handle;

    public LLVMOrcLLJITBuilderRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMOrcLLJITBuilderRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMOrcLLJITBuilderRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMOrcLLJITBuilderRef(0x{Handle:x})";

    public static bool operator ==(LLVMOrcLLJITBuilderRef left, LLVMOrcLLJITBuilderRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMOrcLLJITBuilderRef left, LLVMOrcLLJITBuilderRef right) => left.Handle != right.Handle;
}

/// <summary>An <c>LLVMOrcThreadSafeContextRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMOrcThreadSafeContextRef : IEquatable<LLVMOrcThreadSafeContextRef>
{
    public readonly nint Handle;

    public LLVMOrcThreadSafeContextRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMOrcThreadSafeContextRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMOrcThreadSafeContextRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMOrcThreadSafeContextRef(0x{Handle:x})";

    public static bool operator ==(LLVMOrcThreadSafeContextRef left, LLVMOrcThreadSafeContextRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMOrcThreadSafeContextRef left, LLVMOrcThreadSafeContextRef right) => left.Handle != right.Handle;
}

/// <summary>An <c>LLVMOrcThreadSafeModuleRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMOrcThreadSafeModuleRef : IEquatable<LLVMOrcThreadSafeModuleRef>
{
    public readonly nint Handle;

    public LLVMOrcThreadSafeModuleRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMOrcThreadSafeModuleRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMOrcThreadSafeModuleRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMOrcThreadSafeModuleRef(0x{Handle:x})";

    public static bool operator ==(LLVMOrcThreadSafeModuleRef left, LLVMOrcThreadSafeModuleRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMOrcThreadSafeModuleRef left, LLVMOrcThreadSafeModuleRef right) => left.Handle != right.Handle;
}

/// <summary>An <c>LLVMOrcJITDylibRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMOrcJITDylibRef : IEquatable<LLVMOrcJITDylibRef>
{
    public readonly nint Handle;

    public LLVMOrcJITDylibRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMOrcJITDylibRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMOrcJITDylibRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMOrcJITDylibRef(0x{Handle:x})";

    public static bool operator ==(LLVMOrcJITDylibRef left, LLVMOrcJITDylibRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMOrcJITDylibRef left, LLVMOrcJITDylibRef right) => left.Handle != right.Handle;
}

/// <summary>An <c>LLVMOrcJITTargetMachineBuilderRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMOrcJITTargetMachineBuilderRef : IEquatable<LLVMOrcJITTargetMachineBuilderRef>
{
    public readonly nint Handle;

    public LLVMOrcJITTargetMachineBuilderRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMOrcJITTargetMachineBuilderRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMOrcJITTargetMachineBuilderRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMOrcJITTargetMachineBuilderRef(0x{Handle:x})";

    public static bool operator ==(LLVMOrcJITTargetMachineBuilderRef left, LLVMOrcJITTargetMachineBuilderRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMOrcJITTargetMachineBuilderRef left, LLVMOrcJITTargetMachineBuilderRef right) => left.Handle != right.Handle;
}

/// <summary>An <c>LLVMOrcDefinitionGeneratorRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMOrcDefinitionGeneratorRef : IEquatable<LLVMOrcDefinitionGeneratorRef>
{
    public readonly nint Handle;

    public LLVMOrcDefinitionGeneratorRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMOrcDefinitionGeneratorRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMOrcDefinitionGeneratorRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMOrcDefinitionGeneratorRef(0x{Handle:x})";

    public static bool operator ==(LLVMOrcDefinitionGeneratorRef left, LLVMOrcDefinitionGeneratorRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMOrcDefinitionGeneratorRef left, LLVMOrcDefinitionGeneratorRef right) => left.Handle != right.Handle;
}

/// <summary>An <c>LLVMOrcExecutionSessionRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMOrcExecutionSessionRef : IEquatable<LLVMOrcExecutionSessionRef>
{
    public readonly nint Handle;

    public LLVMOrcExecutionSessionRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMOrcExecutionSessionRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMOrcExecutionSessionRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMOrcExecutionSessionRef(0x{Handle:x})";

    public static bool operator ==(LLVMOrcExecutionSessionRef left, LLVMOrcExecutionSessionRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMOrcExecutionSessionRef left, LLVMOrcExecutionSessionRef right) => left.Handle != right.Handle;
}

/// <summary>An <c>LLVMOrcSymbolStringPoolRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMOrcSymbolStringPoolRef : IEquatable<LLVMOrcSymbolStringPoolRef>
{
    public readonly nint Handle;

    public LLVMOrcSymbolStringPoolRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMOrcSymbolStringPoolRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMOrcSymbolStringPoolRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMOrcSymbolStringPoolRef(0x{Handle:x})";

    public static bool operator ==(LLVMOrcSymbolStringPoolRef left, LLVMOrcSymbolStringPoolRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMOrcSymbolStringPoolRef left, LLVMOrcSymbolStringPoolRef right) => left.Handle != right.Handle;
}

/// <summary>An <c>LLVMOrcSymbolStringPoolEntryRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMOrcSymbolStringPoolEntryRef : IEquatable<LLVMOrcSymbolStringPoolEntryRef>
{
    public readonly nint Handle;

    public LLVMOrcSymbolStringPoolEntryRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMOrcSymbolStringPoolEntryRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMOrcSymbolStringPoolEntryRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMOrcSymbolStringPoolEntryRef(0x{Handle:x})";

    public static bool operator ==(LLVMOrcSymbolStringPoolEntryRef left, LLVMOrcSymbolStringPoolEntryRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMOrcSymbolStringPoolEntryRef left, LLVMOrcSymbolStringPoolEntryRef right) => left.Handle != right.Handle;
}

/// <summary>An <c>LLVMOrcResourceTrackerRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMOrcResourceTrackerRef : IEquatable<LLVMOrcResourceTrackerRef>
{
    public readonly nint Handle;

    public LLVMOrcResourceTrackerRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMOrcResourceTrackerRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMOrcResourceTrackerRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMOrcResourceTrackerRef(0x{Handle:x})";

    public static bool operator ==(LLVMOrcResourceTrackerRef left, LLVMOrcResourceTrackerRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMOrcResourceTrackerRef left, LLVMOrcResourceTrackerRef right) => left.Handle != right.Handle;
}

/// <summary>An <c>LLVMOrcObjectLayerRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMOrcObjectLayerRef : IEquatable<LLVMOrcObjectLayerRef>
{
    public readonly nint Handle;

    public LLVMOrcObjectLayerRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMOrcObjectLayerRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMOrcObjectLayerRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMOrcObjectLayerRef(0x{Handle:x})";

    public static bool operator ==(LLVMOrcObjectLayerRef left, LLVMOrcObjectLayerRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMOrcObjectLayerRef left, LLVMOrcObjectLayerRef right) => left.Handle != right.Handle;
}

/// <summary>An <c>LLVMOrcIRTransformLayerRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMOrcIRTransformLayerRef : IEquatable<LLVMOrcIRTransformLayerRef>
{
    public readonly nint Handle;

    public LLVMOrcIRTransformLayerRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMOrcIRTransformLayerRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMOrcIRTransformLayerRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMOrcIRTransformLayerRef(0x{Handle:x})";

    public static bool operator ==(LLVMOrcIRTransformLayerRef left, LLVMOrcIRTransformLayerRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMOrcIRTransformLayerRef left, LLVMOrcIRTransformLayerRef right) => left.Handle != right.Handle;
}

/// <summary>An <c>LLVMOrcObjectTransformLayerRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMOrcObjectTransformLayerRef : IEquatable<LLVMOrcObjectTransformLayerRef>
{
    public readonly nint Handle;

    public LLVMOrcObjectTransformLayerRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMOrcObjectTransformLayerRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMOrcObjectTransformLayerRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMOrcObjectTransformLayerRef(0x{Handle:x})";

    public static bool operator ==(LLVMOrcObjectTransformLayerRef left, LLVMOrcObjectTransformLayerRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMOrcObjectTransformLayerRef left, LLVMOrcObjectTransformLayerRef right) => left.Handle != right.Handle;
}

/// <summary>An <c>LLVMOrcMaterializationUnitRef</c>: an opaque pointer owned as the C API documents.</summary>
public readonly struct LLVMOrcMaterializationUnitRef : IEquatable<LLVMOrcMaterializationUnitRef>
{
    public readonly nint Handle;

    public LLVMOrcMaterializationUnitRef(nint handle) => Handle = handle;

    public bool IsNull => Handle == 0;

    public bool Equals(LLVMOrcMaterializationUnitRef other) => Handle == other.Handle;

    public override bool Equals(object? obj) => obj is LLVMOrcMaterializationUnitRef other && Equals(other);

    public override int GetHashCode() => Handle.GetHashCode();

    public override string ToString() => $"LLVMOrcMaterializationUnitRef(0x{Handle:x})";

    public static bool operator ==(LLVMOrcMaterializationUnitRef left, LLVMOrcMaterializationUnitRef right) => left.Handle == right.Handle;

    public static bool operator !=(LLVMOrcMaterializationUnitRef left, LLVMOrcMaterializationUnitRef right) => left.Handle != right.Handle;
}
