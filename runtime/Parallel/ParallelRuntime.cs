// The parallel-for compiled code calls: splits the iterations into chunks, runs them on worker threads, combines reductions.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using NumbaWeaver.IR;

namespace NumbaWeaver.Parallel;

/// <summary>
/// <c>numbaweaver_parallel_for</c> (docs/parallel.md). Chunks are a function of the trip count, the
/// thread count and the chunk size only, and reductions are combined in chunk order, so results do
/// not depend on timing. Small loops run inline on the caller: each loop keeps an estimate of its
/// time per iteration in its state block (a global of the compiled module: [0] ns per iteration as
/// a double, [1] calls, [2] the trip count below which compiled code runs the loop itself, without
/// calling here), and a loop predicted to take less than <see cref="InlineBelowNs"/> wakes no thread.
/// </summary>
public static unsafe class ParallelRuntime
{
    public const string ParallelForSymbol = "numbaweaver_parallel_for";

    /// <summary>Below this predicted duration a loop runs on the calling thread alone.</summary>
    private const double InlineBelowNs = 30_000;

    /// <summary>Chunks per thread when no chunk size is set: some load balancing without many partial results.</summary>
    private const int ChunksPerThread = 4;

    /// <summary>Slot memory up to this size lives on the caller's stack.</summary>
    private const int StackSlotBytes = 2048;

    /// <summary>
    /// Until the workers exist, a loop starts them only when its first chunk, run on the caller, predicts at least this
    /// much more work, or when the loops that ran alone so far add up to <see cref="StartWorkersAfterNs"/>: each
    /// <c>Thread.Start</c> waits for its thread (0.3-0.9 ms apiece on the 2-core test machine), so a process's first,
    /// small loops would otherwise pay more for the threads than the loop takes.
    /// </summary>
    private const double StartWorkersAboveNs = 1_000_000, StartWorkersAfterNs = 2_000_000;

    // Set once our workers have been started; until then, how long loops ran alone (approximately: not synchronised).
    private static volatile bool workersStarted;
    private static double aloneNs;

    [ThreadStatic] private static int threadId;
    [ThreadStatic] private static bool insideLoop;
    [ThreadStatic] private static string? lastFailure;

    private static readonly double NsPerTick = 1e9 / Stopwatch.Frequency;

    /// <summary>Names and addresses NativeJit defines for compiled code.</summary>
    public static (string Name, nint Address)[] Symbols => [(ParallelForSymbol, FindSymbol(ParallelForSymbol))];

    /// <summary>The address of the parallel runtime's entry point <paramref name="name"/>, or 0 (no static state touched).</summary>
    public static nint FindSymbol(string name) =>
        name == ParallelForSymbol ? (nint)(delegate* unmanaged<nint, nint, nint, long, long, long, long, long*, int>)&ParallelFor : 0;

    internal static int CurrentThreadId => threadId;

    internal static void SetWorkerThreadId(int id) => threadId = id;

    /// <summary>The message of the last runtime failure on this thread (Status.ParallelRuntimeFailure).</summary>
    public static string TakeLastFailure()
    {
        string message = lastFailure ?? "unknown error";
        lastFailure = null;
        return message;
    }

    // No AggressiveOptimization here or on Run: such methods are never precompiled (ReadyToRun skips them), so a
    // process's first parallel loop waited for the JIT to compile them at full optimisation (milliseconds).
    [UnmanagedCallersOnly]
    private static int ParallelFor(nint chunk, nint combine, nint ctx, long start, long stop, long step, long slotBytes, long* state)
    {
        try
        {
            return Run(new Loop(chunk, combine, ctx, start, stop, step, slotBytes), state);
        }
        catch (Exception ex)
        {
            // Nothing may unwind into native code.
            lastFailure = ex.GetType().Name + ": " + ex.Message;
            return (int)Status.ParallelRuntimeFailure;
        }
    }

    /// <summary>Number of iterations of range(start, stop, step), exactly, without overflow (step is not zero).</summary>
    internal static long TripCount(long start, long stop, long step)
    {
        // Unsigned 64-bit arithmetic, not Int128: no method using Int128 is precompiled, and each of its operators
        // was jitted on a process's first parallel loop. The distance between two longs always fits in a ulong.
        if (step > 0 ? stop <= start : start <= stop) return 0;
        ulong span = step > 0 ? unchecked((ulong)(stop - start)) : unchecked((ulong)(start - stop));
        ulong magnitude = step > 0 ? (ulong)step : unchecked((ulong)(-step)); // -long.MinValue wraps to 2^63, its magnitude
        return unchecked((long)((span - 1) / magnitude + 1));
    }

    private static int Run(Loop loop, long* state)
    {
        if (loop.Step == 0) return (int)Status.PrangeZeroStep;
        long n = TripCount(loop.Start, loop.Stop, loop.Step);
        if (n == 0) return 0;
        int threads = ParallelSettings.NumThreads;
        long size = ParallelSettings.ChunkSize;
        if (size <= 0) size = threads == 1 ? n : Math.Max(1, (n + threads * ChunksPerThread - 1) / (threads * ChunksPerThread));
        long chunks = (n + size - 1) / size;
        long bytes = loop.SlotBytes * chunks;
        byte* slots = null;
        byte* stackSlots = stackalloc byte[bytes <= StackSlotBytes ? (int)bytes : 0];
        if (bytes > 0) slots = bytes <= StackSlotBytes ? stackSlots : (byte*)NativeMemory.Alloc((nuint)bytes);
        try
        {
            var job = new Chunks(loop, n, size, chunks, slots);
            int status;
            if (threads == 1 || chunks == 1 || insideLoop || PredictedSmall(state, n))
            {
                // Unmeasured loops are timed once, so later small calls can stay in compiled code.
                long t0 = state[0] == 0 ? Stopwatch.GetTimestamp() : 0;
                status = job.RunInline();
                if (t0 != 0) Learn(state, (Stopwatch.GetTimestamp() - t0) * NsPerTick / n);
            }
            else
            {
                status = RunParallel(job, Math.Min(threads, (int)Math.Min(chunks, int.MaxValue)), state);
            }
            return status != 0 ? status : job.Combine();
        }
        finally
        {
            if (bytes > StackSlotBytes) NativeMemory.Free(slots);
        }
    }

    /// <summary>True when the loop's measured time per iteration says it ends before waking a thread pays; re-measured now and then.</summary>
    private static bool PredictedSmall(long* state, long n)
    {
        long calls = state[1]++;
        if (state[0] == 0 || (calls & 1023) == 1023) return false;
        return BitConverter.Int64BitsToDouble(state[0]) * n < InlineBelowNs;
    }

    /// <summary>Records the loop's time per iteration; state[2]: compiled code runs loops of up to this many unit-step iterations itself.</summary>
    private static void Learn(long* state, double nsPerIteration)
    {
        nsPerIteration = Math.Max(nsPerIteration, 0.01);
        state[0] = BitConverter.DoubleToInt64Bits(nsPerIteration);
        state[2] = (long)Math.Min(1 << 20, InlineBelowNs / nsPerIteration);
    }

    private static int RunParallel(Chunks job, int threads, long* state)
    {
        job.Helpers = threads - 1;
        // Chunks and their combination do not depend on which threads run them, so deciding after the first chunk
        // whether to start the workers changes the time a loop takes, never its results.
        bool deferStart = !ParallelSettings.UseThreadPool && !workersStarted;
        if (!deferStart) PostToHelpers(job);
        bool outer = !insideLoop;
        insideLoop = true;
        try
        {
            long t0 = Stopwatch.GetTimestamp();
            job.Work(measureFirst: true, out long firstIterations, out long firstTicks, deferStart ? 1 : long.MaxValue);
            double nsPerIteration = firstIterations > 0
                ? firstTicks * NsPerTick / firstIterations
                : (Stopwatch.GetTimestamp() - t0) * NsPerTick / Math.Max(1, job.N);
            if (deferStart)
            {
                double learned = state[0] != 0 ? BitConverter.Int64BitsToDouble(state[0]) : 0;
                double rest = Math.Max(nsPerIteration, learned) * (job.N - firstIterations);
                if (rest >= StartWorkersAboveNs || aloneNs + rest >= StartWorkersAfterNs) PostToHelpers(job);
                else aloneNs += rest;
                job.Work(measureFirst: false, out _, out _);
            }
            Learn(state, nsPerIteration);
        }
        finally
        {
            if (outer) insideLoop = false;
        }
        job.WaitAll();
        job.PublishRaised();
        return job.Status;
    }

    private static void PostToHelpers(Chunks job)
    {
        if (ParallelSettings.UseThreadPool)
        {
            for (int i = 0; i < job.Helpers; i++) ThreadPool.UnsafeQueueUserWorkItem(static j => j.Help(), job, preferLocal: false);
            return;
        }
        WorkQueue.Post(job);
        workersStarted = true;
    }

    /// <summary>The loop as compiled code passed it.</summary>
    internal readonly record struct Loop(nint Chunk, nint Combine, nint Ctx, long Start, long Stop, long Step, long SlotBytes);

    /// <summary>One parallel loop in flight: chunk claiming, failures, completion.</summary>
    internal sealed class Chunks(Loop loop, long n, long size, long count, byte* slots)
    {
        private long _next;
        private long _finished;
        private long _failedChunk = long.MaxValue;
        private int _status;
        private Exception? _raised;
        private volatile bool _stop;
        private readonly ManualResetEventSlim _done = new(false);

        public long N => n;
        public int Helpers;

        /// <summary>The status of the first failing chunk in iteration order (what a sequential loop would report).</summary>
        public int Status => _status;

        /// <summary>On the calling thread: makes the winning chunk's raised exception the one its stub throws.</summary>
        public void PublishRaised()
        {
            if (_raised != null) NumbaWeaver.Dispatch.RaisedExceptions.SetPending(_raised);
        }

        public int RunInline()
        {
            for (long c = 0; c < count; c++)
            {
                int status = RunChunk(c);
                if (status != 0) return status;
            }
            return 0;
        }

        /// <summary>Called on a worker: joins when the loop still wants helpers.</summary>
        public void Help()
        {
            if (Interlocked.Decrement(ref Helpers) < 0) return;
            bool outer = !insideLoop;
            insideLoop = true;
            try
            {
                Work(measureFirst: false, out _, out _);
            }
            finally
            {
                if (outer) insideLoop = false;
            }
        }

        /// <summary>Claims and runs chunks until none is left, or until <paramref name="limit"/> were claimed.</summary>
        public void Work(bool measureFirst, out long firstIterations, out long firstTicks, long limit = long.MaxValue)
        {
            firstIterations = 0;
            firstTicks = 0;
            long ran = 0;
            for (long claimed = 0; claimed < limit; claimed++)
            {
                long c = Interlocked.Increment(ref _next) - 1;
                if (c >= count) return;
                // Chunks before a failed one still run: the first failure in iteration order wins, as sequentially.
                if (!_stop || c < Volatile.Read(ref _failedChunk))
                {
                    long t0 = measureFirst && ran == 0 ? Stopwatch.GetTimestamp() : 0;
                    int status = RunChunk(c);
                    if (measureFirst && ran == 0)
                    {
                        firstTicks = Stopwatch.GetTimestamp() - t0;
                        firstIterations = Math.Min(size, n - c * size);
                    }
                    ran++;
                    if (status != 0) Fail(c, status);
                }
                if (Interlocked.Increment(ref _finished) == count) _done.Set();
            }
        }

        private void Fail(long chunk, int status)
        {
            // A throw records its exception on the thread that ran the chunk: carry it to the caller.
            var raised = status == (int)NumbaWeaver.IR.Status.Raised ? NumbaWeaver.Dispatch.RaisedExceptions.TakePending() : null;
            lock (this)
            {
                if (chunk < _failedChunk)
                {
                    _failedChunk = chunk;
                    _status = status;
                    _raised = raised;
                }
            }
            _stop = true;
        }

        public void WaitAll()
        {
            _done.Wait();
            _done.Dispose();
        }

        private int RunChunk(long c)
        {
            long lo = c * size, hi = Math.Min(n, lo + size);
            var fn = (delegate* unmanaged<nint, long, long, byte*, int>)loop.Chunk;
            // Arrays the chunk allocates (scratch arrays of a Prange body) live until the chunk ends.
            int mark = Dispatch.Allocations.Enter();
            try
            {
                return fn(loop.Ctx, lo, hi, slots + c * loop.SlotBytes);
            }
            finally
            {
                Dispatch.Allocations.Exit(mark);
            }
        }

        /// <summary>Folds every chunk's partial reductions into the caller's variables, in chunk order.</summary>
        public int Combine()
        {
            if (loop.Combine == 0) return 0;
            var fn = (delegate* unmanaged<nint, byte*, int>)loop.Combine;
            for (long c = 0; c < count; c++)
            {
                int status = fn(loop.Ctx, slots + c * loop.SlotBytes);
                if (status != 0) return status;
            }
            return 0;
        }
    }
}
