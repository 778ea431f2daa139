// Heat diffusion on a plate with heaters and a cold wall: runs the simulation as plain C# and as [Njit], checks the
// results are identical, prints the timings and writes PNG frames of the [Njit] run to ./frames.
using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using HeatDiffusion;

const int Size = 256, Steps = 2000, FrameEvery = 250;
const double Alpha = 0.24;         // diffusion number D*dt/dx^2; explicit steps are stable below 0.25
const double MaxTemperature = 100;

var fixedTemperature = new double[Size, Size];
for (int i = 0; i < Size; i++)
{
    for (int j = 0; j < Size; j++)
    {
        double dx = i - Size * 0.35, dy = j - Size * 0.3, ex = i - Size * 0.7, ey = j - Size * 0.65;
        fixedTemperature[i, j] = dx * dx + dy * dy < 400 ? MaxTemperature     // a round heater
            : ex * ex + ey * ey < 150 ? MaxTemperature * 0.8                      // a smaller, cooler one
            : j == Size / 2 && i > Size / 4 && i < Size * 3 / 4 ? 0.0              // a cold wall between them
            : -1;                                                                   // free cell
    }
}

Console.WriteLine($"Heat diffusion {Size}x{Size}, {Steps} steps, on {Environment.ProcessorCount} cores");
Directory.CreateDirectory("frames");
var (plainGrid, plainTime, _) = Simulate(PlainHeat.Step, PlainHeat.Colorize, writeFrames: false);
// The first call of each [Njit] method compiles it (LLVM loads on the very first): timed apart from the steps.
var firstCalls = Stopwatch.StartNew();
Heat.Step(new double[3, 3], new double[3, 3], new double[3, 3], Alpha);
Heat.Colorize(new double[1, 1], MaxTemperature, new byte[3]);
firstCalls.Stop();
var (njitGrid, njitTime, njitFrames) = Simulate(Heat.Step, Heat.Colorize, writeFrames: true);

bool same = plainGrid.Cast<double>().SequenceEqual(njitGrid.Cast<double>());
Console.WriteLine($"plain C#: {plainTime,8:F1} ms ({Steps / plainTime * 1000,7:F0} steps/s)");
Console.WriteLine($"[Njit]  : {njitTime,8:F1} ms ({Steps / njitTime * 1000,7:F0} steps/s); first calls (load LLVM, compile) {firstCalls.Elapsed.TotalMilliseconds:F1} ms");
Console.WriteLine($"speedup : {plainTime / njitTime:F2}x");
Console.WriteLine($"wrote {njitFrames} frames to {Path.GetFullPath("frames")}");
Console.WriteLine(same ? "Results identical (bit for bit)." : "RESULTS DIFFER");
return same ? 0 : 1;

(double[,] Grid, double Milliseconds, int Frames) Simulate(
    Action<double[,], double[,], double[,], double> step, Action<double[,], double, byte[]> colorize, bool writeFrames)
{
    var t = new double[Size, Size];
    var next = new double[Size, Size];
    var rgb = new byte[Size * Size * 3];
    var compute = new Stopwatch();
    int frames = 0;
    for (int s = 1; s <= Steps; s++)
    {
        compute.Start();
        step(t, next, fixedTemperature, Alpha);
        (t, next) = (next, t);
        if (s % FrameEvery == 0) colorize(t, MaxTemperature, rgb);
        compute.Stop();
        if (s % FrameEvery == 0 && writeFrames) Png.Write(Path.Combine("frames", $"heat_{s:D5}.png"), Size, Size, rgb);
        if (s % FrameEvery == 0) frames++;
    }
    return (t, compute.Elapsed.TotalMilliseconds, frames);
}
