// Process-wide test settings: compilation failures throw instead of silently running the original C#.
using System;
using System.Runtime.CompilerServices;

namespace NumbaWeaver.Tests;

internal static class TestSetup
{
    [ModuleInitializer]
    internal static void Init() => Environment.SetEnvironmentVariable("NUMBA_JIT_STRICT", "1");
}
