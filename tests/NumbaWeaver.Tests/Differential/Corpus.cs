// Runs a fixture kernel over a grid of inputs (compiled vs original, via Differential) and reports every mismatch at once.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using NumbaWeaver;
using Shouldly;

namespace NumbaWeaver.Tests.Differential;

/// <summary>
/// Grids of inputs for whole fixture classes: by default the cartesian product of each parameter's
/// <see cref="EdgeValues"/> (a deterministic sample of it when it is too large), so adding a kernel
/// to a fixture class adds its test. One test row per kernel; a failing row lists all its mismatches.
/// </summary>
public static class Corpus
{
    /// <summary>Most argument tuples one kernel is run with (per test row).</summary>
    public const int MaxRows = 4000;

    /// <summary>The [Njit] kernels of <paramref name="type"/> as xunit rows (the name), except <paramref name="except"/>.</summary>
    public static IEnumerable<object[]> Kernels(Type type, params string[] except) =>
        NjitMethods(type).Select(m => m.Name).Where(n => !except.Contains(n)).Select(n => new object[] { n });

    public static IEnumerable<MethodInfo> NjitMethods(Type type) =>
        type.GetMethods(Differential.AnyStatic).Where(m => m.GetCustomAttribute<NjitAttribute>() != null).OrderBy(m => m.Name);

    public static MethodInfo Kernel(Type type, string name) => NjitMethods(type).Single(m => m.Name == name);

    /// <summary>The cartesian product of each parameter's edge values, sampled down to <see cref="MaxRows"/>.</summary>
    public static IEnumerable<object?[]> Grid(MethodInfo kernel)
    {
        var axes = kernel.GetParameters()
            .Select(p => EdgeValues.Of(p.ParameterType.IsByRef ? p.ParameterType.GetElementType()! : p.ParameterType))
            .ToArray();
        return Product(axes, MaxRows, kernel.Name.GetHashCode(StringComparison.Ordinal));
    }

    /// <summary>Every tuple when there are at most <paramref name="max"/>; else every axis's values at least once plus a random sample.</summary>
    public static IEnumerable<object?[]> Product(IReadOnlyList<object>[] axes, int max, int seed)
    {
        long total = axes.Aggregate(1L, (n, a) => n * a.Count);
        if (total <= max)
        {
            for (long k = 0; k < total; k++) yield return Tuple(axes, k);
            yield break;
        }
        int longest = axes.Max(a => a.Count);
        for (int k = 0; k < longest; k++) yield return axes.Select(a => (object?)a[k % a.Count]).ToArray(); // diagonals
        var rng = new Random(seed);
        for (int k = longest; k < max; k++) yield return axes.Select(a => (object?)a[rng.Next(a.Count)]).ToArray();
    }

    private static object?[] Tuple(IReadOnlyList<object>[] axes, long k)
    {
        var row = new object?[axes.Length];
        for (int d = axes.Length - 1; d >= 0; d--)
        {
            row[d] = axes[d][(int)(k % axes[d].Count)];
            k /= axes[d].Count;
        }
        return row;
    }

    /// <summary>Runs <paramref name="name"/> on its edge-value grid.</summary>
    public static void Check(Type type, string name) => Check(type, name, Grid(Kernel(type, name)));

    /// <summary>Runs the kernel on every row (exactly, or within <paramref name="tolerance"/>) and fails listing the mismatches.</summary>
    public static void Check(Type type, string name, IEnumerable<object?[]> rows, double tolerance = 0)
    {
        var failures = new List<string>();
        int count = 0;
        foreach (var row in rows)
        {
            count++;
            try
            {
                if (tolerance > 0) Differential.CheckApprox(type, name, tolerance, row);
                else Differential.Check(type, name, row);
            }
            catch (ShouldAssertException ex)
            {
                failures.Add(Summary(ex.Message));
            }
        }
        count.ShouldBeGreaterThan(0, $"{name}: no inputs");
        if (failures.Count > 0)
            throw new ShouldAssertException($"{type.Name}.{name}: {failures.Count} of {count} inputs differ:\n" + string.Join("\n", failures.Take(15)));
    }

    /// <summary>Shouldly's custom message (which names the call and its arguments) and the expected/actual values, on one line.</summary>
    private static string Summary(string message)
    {
        int info = message.IndexOf("Additional Info:", StringComparison.Ordinal);
        var details = info < 0 ? "" : message[(info + "Additional Info:".Length)..].Trim().Replace("\n", " ");
        var lines = message.Split('\n').Select(l => l.Trim()).ToList();
        int should = lines.FindIndex(l => l.StartsWith("should", StringComparison.Ordinal));
        var values = should < 0 ? "" : string.Join(" ", lines.Skip(should).Take(4));
        return details + " | " + values;
    }
}
