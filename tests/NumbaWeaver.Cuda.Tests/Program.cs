// Runs the GPU test class without the .NET SDK (for scripts/gpu-check.sh on a machine that has a GPU but no dotnet).
using System;
using System.Linq;
using System.Reflection;
using Xunit;

namespace NumbaWeaver.GpuTests;

/// <summary>
/// <c>NumbaWeaver.Cuda.Tests gpu</c> runs every [CudaFact] of <see cref="GpuTests"/> (use <c>simulator</c>
/// for <see cref="SimulatorTests"/>) and prints one line per test; the exit code is the number of failures.
/// Under <c>dotnet test</c> this entry point is not used.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Type type = args.FirstOrDefault() == "simulator" ? typeof(SimulatorTests) : typeof(GpuTests);
        if (type == typeof(GpuTests) && !NumbaWeaver.Cuda.IsAvailable)
        {
            Console.WriteLine("no NVIDIA GPU found: nothing to run");
            return 1;
        }
        int passed = 0, failed = 0;
        foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<CudaFactAttribute>() != null).OrderBy(m => m.Name))
        {
            var instance = Activator.CreateInstance(type)!;
            var started = DateTime.UtcNow;
            try
            {
                method.Invoke(instance, null);
                passed++;
                Console.WriteLine($"PASS {method.Name} ({(DateTime.UtcNow - started).TotalMilliseconds:F0} ms)");
            }
            catch (TargetInvocationException e)
            {
                failed++;
                Console.WriteLine($"FAIL {method.Name}: {e.InnerException}");
            }
        }
        Console.WriteLine($"{type.Name}: {passed} passed, {failed} failed on {NumbaWeaver.Cuda.DeviceName}");
        return failed;
    }
}
