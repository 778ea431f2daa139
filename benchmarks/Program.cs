// Entry point: "bdn" runs the BenchmarkDotNet suites, "check" prints checksums, "latency" first-call costs.
using System;
using NumbaWeaver.Benchmarks;

return args.Length > 0 ? args[0] switch
{
    "bdn" => ShortRun.Run(args[1..]),
    "check" => ChecksumMode.Run(),
    "latency" => LatencyMode.Run(),
    "calls" => CallsMode.Run(),
    _ => Usage(),
} : Usage();

static int Usage()
{
    Console.Error.WriteLine("usage: NumbaWeaver.Benchmarks bdn [BenchmarkDotNet args] | check | latency | calls");
    return 2;
}
