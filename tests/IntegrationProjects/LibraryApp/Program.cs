// Integration app over a class library: prints the library kernels' results as bit patterns for the tests to compare.
using Library;

var y = Enumerable.Range(0, 64).Select(i => 1.0 + i * 0.1).ToArray();
var vy = Enumerable.Range(0, 64).Select(i => Math.Sin(i)).ToArray();
Physics.Integrate(y, vy, 0.001, 2000);
Console.WriteLine($"integrate {y.Concat(vy).Aggregate(17L, (h, v) => h * 31 + BitConverter.DoubleToInt64Bits(v)):X16}");
Console.WriteLine($"energy {BitConverter.DoubleToInt64Bits(Physics.Energy(vy)):X16}");

var previous = new float[200];
var current = new float[200];
for (int i = 90; i < 110; i++) current[i] = previous[i] = MathF.Sin((i - 90) * MathF.PI / 20);
var next = new float[200];
for (int step = 0; step < 300; step++)
{
    Physics.WaveStep(previous, current, next, 0.5f);
    (previous, current, next) = (current, next, previous);
}
Console.WriteLine($"wave {current.Aggregate(17L, (h, v) => h * 31 + BitConverter.SingleToInt32Bits(v)):X16}");
Console.WriteLine($"compiled {NumbaWeaver.Dispatch.Statistics.CompileCount}");
