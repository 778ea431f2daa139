// "check" mode: runs every benchmark method of every suite once, prints its checksum as a JSON line and fails if a Prange result is off its sequential kernel's.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using NumbaWeaver.Benchmarks.Suites;

namespace NumbaWeaver.Benchmarks;

/// <summary>The report compares these checksums with the C and Numba ones (same inputs, same LCG).</summary>
public static class ChecksumMode
{
    /// <summary>Largest relative difference of a Prange checksum from its sequential kernel's: float sums are regrouped over chunks.</summary>
    public const double PrangeTolerance = 1e-9;

    public static int Run()
    {
        int failures = 0;
        var suites = typeof(Suite).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Suite)) && !t.IsAbstract)
            .OrderBy(t => t.Name);
        foreach (var type in suites)
        {
            var suite = (Suite)Activator.CreateInstance(type)!;
            if (suite.Kernel == "call_add") continue;
            var sequential = new Dictionary<string, double>();
            // Declaration order: Njit and NjitFast run before NjitPrange and NjitPrangeFast, which are checked against them.
            foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() != null))
            {
                suite.Setup(); // fresh, zeroed outputs: a kernel that writes nothing cannot inherit the previous one's
                object? result = method.Invoke(suite, null);
                double checksum = result is double d ? d : suite.Checksum();
                sequential[method.Name] = checksum;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{{\"kernel\":\"{suite.Kernel}\",\"suite\":\"{type.Name}\",\"impl\":\"{Implementations.Name(method.Name)}\",\"checksum\":{checksum:R}}}"));
                if (method.Name.StartsWith("NjitPrange", StringComparison.Ordinal))
                {
                    // NjitPrange -> Njit, NjitPrangeFast -> NjitFast: FastMath changes Mandelbrot's escape counts in both.
                    string reference = method.Name.Replace("Prange", "", StringComparison.Ordinal);
                    double expected = sequential.GetValueOrDefault(reference, double.NaN);
                    if (!WithinTolerance(checksum, expected))
                    {
                        Console.Error.WriteLine($"check: {type.Name}.{method.Name} checksum {checksum:R} differs from {reference} {expected:R}");
                        failures++;
                    }
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private static bool WithinTolerance(double value, double reference) =>
        Math.Abs(value - reference) <= PrangeTolerance * Math.Max(Math.Abs(reference), 1e-300);
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
        "NjitPrange" => "[Njit] Prange",
        "NjitPrangeFast" => "[Njit] Prange FastMath",
        _ => method,
    };
}
