// [CudaFact]: a fact that runs on the simulator always, and on a GPU only where one is present (else reported as skipped, never as passed).
using System;
using System.Collections.Generic;
using System.Linq;
using NumbaWeaver;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace NumbaWeaver.GpuTests;

/// <summary>Test classes that need a real GPU implement this marker.</summary>
public interface IRequiresGpu { }

[XunitTestCaseDiscoverer("NumbaWeaver.GpuTests.CudaFactDiscoverer", "NumbaWeaver.Cuda.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class CudaFactAttribute : FactAttribute { }

/// <summary>
/// Skips a [CudaFact] only when its class is a GPU class and no GPU is found; the simulator
/// classes are never skipped, so a detection problem cannot hide a failure there.
/// </summary>
public sealed class CudaFactDiscoverer : IXunitTestCaseDiscoverer
{
    private static readonly Lazy<bool> s_gpu = new(() => Cuda.IsAvailable);
    private readonly IMessageSink _sink;

    public CudaFactDiscoverer(IMessageSink sink) => _sink = sink;

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = options.MethodDisplayOrDefault();
        var displayOptions = options.MethodDisplayOptionsOrDefault();
        bool needsGpu = testMethod.TestClass.Class.Interfaces.Any(i => i.Name == typeof(IRequiresGpu).FullName);
        if (needsGpu && !s_gpu.Value)
            return new[] { new XunitSkippedDataRowTestCase(_sink, display, displayOptions, testMethod, "no NVIDIA GPU here (Cuda.IsAvailable is false)", null) };
        return new[] { new XunitTestCase(_sink, display, displayOptions, testMethod) };
    }
}
