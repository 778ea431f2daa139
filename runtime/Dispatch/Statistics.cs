// Counters of the dispatcher and compiler that tests and users can read.
namespace NumbaWeaver.Dispatch;

/// <summary>Process-wide counters (updated with Interlocked).</summary>
public static class Statistics
{
    /// <summary>Functions compiled by LLVM in this process.</summary>
    public static int CompileCount;

    /// <summary>Calls that fell back to the original C# because compilation failed.</summary>
    public static int FallbackCount;

    /// <summary>Times an assembly's IR module was parsed: a cache or precompiled hit needs none (docs/cache.md).</summary>
    public static int IrModulesParsed;

    /// <summary>Times an assembly's index resource was read: stubs carry their own lines and other assemblies' index
    /// texts (docs/abi.md), so a process whose stubs are current reads none.</summary>
    public static int IndexResourcesRead;
}
