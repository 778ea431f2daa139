// The dispatcher's once-per-key table: one creation per key under contention, failures remembered, keys independent.
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NumbaWeaver.Cache;
using NumbaWeaver.Dispatch;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Cache;

public class OnceTableTests
{
    [Fact]
    public void Concurrent_requests_create_each_key_once()
    {
        var table = new OnceTable<string, object>(StringComparer.Ordinal);
        int created = 0;
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, 16).Select(i => Task.Run(() =>
        {
            start.Wait();
            return table.Get(i % 2 == 0 ? "a" : "b", _ =>
            {
                Interlocked.Increment(ref created);
                Thread.Sleep(20);
                return new object();
            });
        })).ToArray();
        start.Set();
        Task.WaitAll(tasks);
        created.ShouldBe(2);
        tasks.Where((_, i) => i % 2 == 0).Select(t => t.Result).Distinct().Count().ShouldBe(1);
        tasks.Where((_, i) => i % 2 == 1).Select(t => t.Result).Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public void A_failure_is_remembered_for_its_key_only()
    {
        var table = new OnceTable<string, string>(StringComparer.Ordinal);
        int attempts = 0;
        Func<string, string> failing = _ => { attempts++; throw new InvalidOperationException("no"); };
        Should.Throw<InvalidOperationException>(() => table.Get("x", failing));
        Should.Throw<InvalidOperationException>(() => table.Get("x", failing));
        attempts.ShouldBe(1);
        table.Get("y", k => k + "!").ShouldBe("y!");
    }

    [Fact]
    public void Assembly_identity_matches_AssemblyName()
    {
        var assembly = typeof(OnceTableTests).Assembly;
        var name = assembly.GetName();
        AssemblyIdentity.SimpleName(assembly).ShouldBe(name.Name);
        AssemblyIdentity.Version(assembly).ShouldBe(name.Version!.ToString());
        AssemblyIdentity.FullName(assembly).ShouldBe(name.FullName);
    }
}
