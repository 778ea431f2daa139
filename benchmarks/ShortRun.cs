// The BenchmarkDotNet configuration: in-process, one launch, few iterations, so the suite fits in minutes.
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Json;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace NumbaWeaver.Benchmarks;

/// <summary>
/// In-process (no generated project to build, so the woven assembly is measured as built), one
/// launch, 2 warm-up and 7 measured iterations of at least 100 ms each. That trades BenchmarkDotNet's
/// usual confidence intervals for a whole-suite run of a few minutes on a 2-core machine; the
/// report uses the minimum and the median.
/// </summary>
public static class ShortRun
{
    public static IConfig Config(string artifacts) =>
        ManualConfig.CreateEmpty()
            .AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(2)
                .WithIterationCount(7)
                .WithIterationTime(TimeInterval.FromMilliseconds(100)))
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddColumn(StatisticColumn.Min, StatisticColumn.Median)
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(JsonExporter.Full, MarkdownExporter.GitHub)
            .WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.JoinSummary);

    /// <summary>Runs the suites selected by <paramref name="args"/> (e.g. <c>--filter *Dot*</c>, <c>--artifacts DIR</c>).</summary>
    public static int Run(string[] args)
    {
        string artifacts = "BenchmarkDotNet.Artifacts";
        var rest = new System.Collections.Generic.List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--artifacts" && i + 1 < args.Length) artifacts = args[++i];
            else rest.Add(args[i]);
        }
        if (!rest.Contains("--filter")) rest.AddRange(["--filter", "*"]);
        BenchmarkSwitcher.FromAssembly(typeof(ShortRun).Assembly).Run(rest.ToArray(), Config(artifacts));
        return 0;
    }
}
