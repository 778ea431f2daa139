// Occupancy-grid lidar simulation: a robot drives a loop through a warehouse map and takes a 720-beam scan at each pose;
// the scans are cast in plain C# and with [Njit], compared beam by beam, and timed (best of three).
using System;
using System.Diagnostics;
using System.Linq;
using OccupancyGrid;

const int Width = 1000, Height = 800, Beams = 720, Poses = 400;
const double MaxRange = 400;       // cells

var grid = BuildWarehouse();
var dirX = new double[Beams];
var dirY = new double[Beams];
for (int b = 0; b < Beams; b++)
{
    double angle = 2 * Math.PI * b / Beams;
    dirX[b] = Math.Cos(angle);
    dirY[b] = Math.Sin(angle);
}
// The robot's path: an ellipse through the aisles.
var poses = Enumerable.Range(0, Poses)
    .Select(p => 2 * Math.PI * p / Poses)
    .Select(a => (X: Width / 2 + 0.36 * Width * Math.Cos(a) + 0.25, Y: Height / 2 + 0.36 * Height * Math.Sin(a) + 0.25))
    .ToArray();

Console.WriteLine($"Occupancy grid {Width}x{Height}, {Poses} poses x {Beams} beams, on {Environment.ProcessorCount} cores");
var plain = new double[Poses][];
var njit = new double[Poses][];
double plainTime = Time(() => Cast(PlainRayCaster.Scan, plain));
double firstCall = Time(() => RayCaster.Scan(grid, poses[0].X, poses[0].Y, dirX, dirY, MaxRange, new double[Beams]), repeats: 1);
double njitTime = Time(() => Cast(RayCaster.Scan, njit));

bool same = Enumerable.Range(0, Poses).All(p => plain[p].SequenceEqual(njit[p]));
double hitRate = njit.SelectMany(s => s).Count(r => r < MaxRange) / (double)(Poses * Beams);
Console.WriteLine($"plain C#: {plainTime,8:F1} ms ({Poses * Beams / plainTime / 1000,6:F2} M beams/s)");
Console.WriteLine($"[Njit]  : {njitTime,8:F1} ms ({Poses * Beams / njitTime / 1000,6:F2} M beams/s); first call (load LLVM, compile) {firstCall:F1} ms");
Console.WriteLine($"speedup : {plainTime / njitTime:F2}x");
Console.WriteLine($"beams that hit an obstacle: {hitRate:P1}; mean range {njit.SelectMany(s => s).Average():F2} cells");
Console.WriteLine(same ? "Results identical (bit for bit)." : "RESULTS DIFFER");
return same ? 0 : 1;

void Cast(Action<byte[,], double, double, double[], double[], double, double[]> scan, double[][] scans)
{
    for (int p = 0; p < Poses; p++)
    {
        scans[p] ??= new double[Beams];
        scan(grid, poses[p].X, poses[p].Y, dirX, dirY, MaxRange, scans[p]);
    }
}

/// <summary>The best of three runs, so a busy machine disturbs the comparison less.</summary>
static double Time(Action run, int repeats = 3)
{
    double best = double.MaxValue;
    for (int i = 0; i < repeats; i++)
    {
        var sw = Stopwatch.StartNew();
        run();
        best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
    }
    return best;
}

/// <summary>Outer walls, rows of shelves with gaps for aisles, and scattered pallets (fixed seed).</summary>
static byte[,] BuildWarehouse()
{
    var g = new byte[Height, Width];
    var rng = new Random(7);
    for (int x = 0; x < Width; x++) g[0, x] = g[Height - 1, x] = 1;
    for (int y = 0; y < Height; y++) g[y, 0] = g[y, Width - 1] = 1;
    for (int row = 120; row < Height - 120; row += 90)
        for (int x = 150; x < Width - 150; x++)
            if (x % 140 > 20)
                for (int y = row; y < row + 12; y++) g[y, x] = 1;
    for (int k = 0; k < 300; k++)
    {
        int px = rng.Next(10, Width - 20), py = rng.Next(10, Height - 20);
        for (int y = py; y < py + 6; y++)
            for (int x = px; x < px + 6; x++) g[y, x] = 1;
    }
    return g;
}
