// "check" mode: runs every benchmark method of every suite once and prints its checksum as a JSON line.
using System;
using System.Globalization;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using NumbaWeaver.Benchmarks.Suites;

namespace NumbaWeaver.Benchmarks;

/// <summary>The report compares these checksums with the C and Numba ones (same inputs, same LCG).</summary>
public static class ChecksumMode
{
    public static int Run()
    {
        var suites = typeof(Suite).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Suite)) && !t.IsAbstract)
            .OrderBy(t => t.Name);
        foreach (var type in suites)
        {
            var suite = (Suite)Activator.CreateInstance(type)!;
            if (suite.Kernel == "call_add") continue;
            suite.Setup();
            foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() != null))
            {
                object? result = method.Invoke(suite, null);
                double checksum = result is double d ? d : suite.Checksum();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{{\"kernel\":\"{suite.Kernel}\",\"suite\":\"{type.Name}\",\"impl\":\"{Implementations.Name(method.Name)}\",\"checksum\":{checksum:R}}}"));
            }
        }
        return 0;
    }
}

/// <summary>The implementation names the report uses, from benchmark method names.</summary>
public static class Implementations
{
    public static string Name(string method) => method switch
    {
        "Plain" => "C#",
        "PlainNoInline" => "C# (no inlining)",
        "Njit" => "[Njit]",
        "NjitFast" => "[Njit] FastMath",
        "Simd" => "C# Vector256",
        _ => method,
    };
}
