// The runtime assembly is built as a ReadyToRun image on Linux, so a cached or precompiled first call does not wait for the JIT.
using System;
using System.IO;
using System.Reflection.PortableExecutable;
using NumbaWeaver.Dispatch;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Cache;

public class ReadyToRunTests
{
    [Fact]
    public void The_runtime_assembly_carries_precompiled_native_code()
    {
        if (!OperatingSystem.IsLinux()) return; // runtime/ReadyToRun.targets only runs on Linux hosts
        using var stream = File.OpenRead(typeof(Dispatcher).Assembly.Location);
        using var pe = new PEReader(stream);
        var cor = pe.PEHeaders.CorHeader;
        cor.ShouldNotBeNull();
        cor.ManagedNativeHeaderDirectory.Size.ShouldBeGreaterThan(0, "NumbaWeaver.dll is IL only: runtime/ReadyToRun.targets did not run");
    }
}
