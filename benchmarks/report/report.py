"""Merges the raw results (BenchmarkDotNet JSON, C/Numba/.NET JSON lines) into results.md and chart.svg."""
import glob
import json
import math
import os
import sys

KERNELS = ["sum_1e5", "sum_1e7", "dot_1e5", "dot_1e7", "triad_1e7", "jacobi2d_2000", "jacobiflat_2000",
           "mandelbrot_1000", "nbody_2000", "pairwise_1000x3", "blackscholes_1e6", "histogram_1e7",
           "matmul_512", "fir_1e6x64"]
STRICT = ["C#", "[Njit]", "clang -O3", "Numba"]
FAST = ["C# Vector256", "[Njit] FastMath", "clang -O3 -ffast-math", "Numba fastmath"]
COLUMNS = ["C#", "C# Vector256", "[Njit]", "[Njit] FastMath", "clang -O3", "clang -O3 -ffast-math", "Numba", "Numba fastmath"]
PARALLEL_KERNELS = ["dot_1e5", "dot_1e7", "mandelbrot_1000", "nbody_2000"]
# A "<kernel> Prange" row puts each parallel implementation in the column of its sequential counterpart.
PARALLEL_COLUMNS = {"[Njit]": "[Njit] Prange", "[Njit] FastMath": "[Njit] Prange FastMath",
                    "clang -O3": "clang -O3 -fopenmp", "clang -O3 -ffast-math": "clang -O3 -fopenmp -ffast-math",
                    "Numba": "Numba parallel", "Numba fastmath": "Numba parallel fastmath"}
COLORS = {"C#": "#9e9e9e", "C# Vector256": "#616161", "[Njit]": "#1e88e5", "[Njit] FastMath": "#0d47a1",
          "clang -O3": "#43a047", "clang -O3 -ffast-math": "#1b5e20", "Numba": "#fb8c00", "Numba fastmath": "#e65100"}
METHOD_NAMES = {"Plain": "C#", "PlainNoInline": "C# (no inlining)", "Njit": "[Njit]", "NjitFast": "[Njit] FastMath",
                "Simd": "C# Vector256", "NjitPrange": "[Njit] Prange", "NjitPrangeFast": "[Njit] Prange FastMath"}


def lines(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip().startswith("{")]


def load(raw):
    """times[kernel][impl] = (min_ms, median_ms); checks[kernel][impl] = checksum; plus latency, calls, versions."""
    times, checks, latency, calls, versions = {}, {}, {}, {}, {}
    suite_kernel = {}
    for r in lines(os.path.join(raw, "dotnet-check.jsonl")):
        suite_kernel[r["suite"]] = r["kernel"]
        checks.setdefault(r["kernel"], {})[r["impl"]] = r["checksum"]
    with open(os.path.join(raw, "dotnet-bdn.json")) as f:
        bdn = json.load(f)
    versions["BenchmarkDotNet"] = bdn.get("HostEnvironmentInfo", {}).get("BenchmarkDotNetVersion", "")
    versions[".NET runtime"] = bdn.get("HostEnvironmentInfo", {}).get("RuntimeVersion", "")
    for b in bdn["Benchmarks"]:
        impl = METHOD_NAMES.get(b["Method"], b["Method"])
        stats = b.get("Statistics") or {}
        if not stats:
            continue
        if b["Type"] == "CallOverhead":
            calls[impl] = (stats["Min"], stats["Median"])
            continue
        kernel = suite_kernel.get(b["Type"])
        if kernel:
            times.setdefault(kernel, {})[impl] = (stats["Min"] / 1e6, stats["Median"] / 1e6)
    for path in ("c.jsonl", "numba.jsonl", "dotnet-latency.jsonl", "dotnet-calls.jsonl", "machine.jsonl"):
        for r in lines(os.path.join(raw, path)):
            k, impl = r["kernel"], r["impl"]
            if k == "versions":
                versions[impl] = r.get("version") or r.get("date") or r
            elif "first_call_ms" in r:
                latency.setdefault(k, {})[impl] = r["first_call_ms"]
            elif "per_call_ns" in r:
                calls[impl] = (r["per_call_ns"], r["per_call_ns"])
            elif k == "call_add":  # C: 1e8 calls per timed run
                calls[impl] = (r["min_ms"] * 1e6 / 1e8, r["median_ms"] * 1e6 / 1e8)
            else:
                times.setdefault(k, {})[impl] = (r["min_ms"], r["median_ms"])
                checks.setdefault(k, {})[impl] = r["checksum"]
    add_parallel_rows(times, checks)
    return times, checks, latency, calls, versions


def add_parallel_rows(times, checks):
    """Adds the "<kernel> Prange" rows; their Δ is measured from the sequential kernel's plain C# checksum."""
    for k in PARALLEL_KERNELS:
        row = k + " Prange"
        for column, impl in PARALLEL_COLUMNS.items():
            if impl in times.get(k, {}):
                times.setdefault(row, {})[column] = times[k][impl]
            if impl in checks.get(k, {}):
                checks.setdefault(row, {})[column] = checks[k][impl]
        if "C#" in checks.get(k, {}):
            checks.setdefault(row, {})["C#"] = checks[k]["C#"]


def fmt_ms(t):
    if t is None:
        return "—"
    return f"{t:.3f}" if t < 1 else f"{t:.2f}" if t < 100 else f"{t:.0f}"


def ratio(a, b):
    if a is None or b is None:
        return "—"
    r = a / b
    flag = " (slower)" if r > 1.10 else ""
    return f"{r:.2f}{flag}"


def max_rel_diff(checks, kernel, impls):
    ref = checks.get(kernel, {}).get("C#")
    vals = [checks[kernel][i] for i in impls if i in checks.get(kernel, {})]
    if ref is None or not vals:
        return "—"
    d = max(abs(v - ref) / max(abs(ref), 1e-300) for v in vals)
    return "0" if d == 0 else f"{d:.0e}"


def best(times, kernel, impl):
    t = times.get(kernel, {}).get(impl)
    return t[0] if t else None


def table(times, checks):
    head = ["kernel"] + COLUMNS + ["[Njit] / clang", "[Njit] / Numba", "FastMath / clang -ffast-math",
                                   "FastMath / Numba fastmath", "Δ strict", "Δ fast"]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for k in KERNELS + [k + " Prange" for k in PARALLEL_KERNELS]:
        nj, njf = best(times, k, "[Njit]"), best(times, k, "[Njit] FastMath")
        cells = [k] + [fmt_ms(best(times, k, c)) for c in COLUMNS]
        cells += [ratio(nj, best(times, k, "clang -O3")), ratio(nj, best(times, k, "Numba")),
                  ratio(njf, best(times, k, "clang -O3 -ffast-math")), ratio(njf, best(times, k, "Numba fastmath")),
                  max_rel_diff(checks, k, STRICT), max_rel_diff(checks, k, FAST)]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def triad_bandwidth(times):
    out = []
    for impl in COLUMNS:
        t = best(times, "triad_1e7", impl)
        if t:
            out.append(f"{impl} {24e7 / (t / 1e3) / 1e9:.1f} GB/s")
    return ", ".join(out)


def latency_table(latency):
    impls = ["[Njit]", "Numba", "Numba fastmath"]
    rows = ["| kernel | " + " | ".join(impls) + " |", "|---|" + "---|" * len(impls)]
    for k, by in latency.items():
        rows.append(f"| {k} | " + " | ".join(f"{by[i]:.0f}" if i in by else "—" for i in impls) + " |")
    return "\n".join(rows)


def calls_table(calls):
    rows = ["| caller → callee | min ns/call | median ns/call |", "|---|---|---|"]
    for impl, (mn, med) in calls.items():
        rows.append(f"| {impl} | {mn:.2f} | {med:.2f} |")
    return "\n".join(rows)


def chart(times, path):
    """Horizontal grouped bars: speed-up over plain C# (log scale), one group per kernel."""
    impls = [c for c in COLUMNS if c != "C#"]
    bar, gap, left, width = 9, 12, 150, 560
    lo, hi = math.log10(0.5), math.log10(max(
        [best(times, k, "C#") / best(times, k, i) for k in KERNELS for i in impls
         if best(times, k, i) and best(times, k, "C#")] + [2]) * 1.3)
    scale = lambda s: left + (math.log10(s) - lo) / (hi - lo) * width
    y = 40
    parts = []
    for k in KERNELS:
        parts.append(f'<text x="{left - 6}" y="{y + 3 * bar}" text-anchor="end" font-size="12">{k}</text>')
        for i in impls:
            t, base = best(times, k, i), best(times, k, "C#")
            if t and base:
                s = base / t
                x0, x1 = scale(1), scale(s)
                parts.append(f'<rect x="{min(x0, x1):.1f}" y="{y}" width="{abs(x1 - x0):.1f}" height="{bar - 1}" '
                             f'fill="{COLORS[i]}"><title>{k} {i}: {s:.2f}x</title></rect>')
            y += bar
        y += gap
    ticks = [t for t in (0.5, 1, 2, 5, 10, 20, 50, 100) if math.log10(t) <= hi]
    for t in ticks:
        x = scale(t)
        parts.append(f'<line x1="{x:.1f}" y1="30" x2="{x:.1f}" y2="{y}" stroke="#ccc" stroke-width="{2 if t == 1 else 0.5}"/>')
        parts.append(f'<text x="{x:.1f}" y="{y + 14}" text-anchor="middle" font-size="11">{t}x</text>')
    lx = left + width + 20
    for n, i in enumerate(impls):
        parts.append(f'<rect x="{lx}" y="{40 + n * 18}" width="12" height="12" fill="{COLORS[i]}"/>')
        parts.append(f'<text x="{lx + 18}" y="{50 + n * 18}" font-size="12">{i}</text>')
    h = y + 30
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{lx + 190}" height="{h}" font-family="sans-serif">'
           f'<rect width="100%" height="100%" fill="white"/>'
           f'<text x="{left}" y="20" font-size="14">Speed-up over plain C# (best of runs, log scale; longer is faster)</text>'
           + "".join(parts) + "</svg>\n")
    with open(path, "w") as f:
        f.write(svg)


def main(raw, out):
    times, checks, latency, calls, versions = load(raw)
    machine = versions.get("machine", {})
    md = [
        f"Date {versions.get('date', '?')}; CPU {machine.get('cpu', '?')} ({machine.get('cores', '?')} cores), {machine.get('os', '?')}; "
        f".NET {versions.get('.NET runtime', '?')}, BenchmarkDotNet {versions.get('BenchmarkDotNet', '?')}, "
        f"{versions.get('libllvm', '?')}; {versions.get('clang', '?')}; "
        f"Numba {versions.get('Numba', {}).get('numba', '?')} (llvmlite {versions.get('Numba', {}).get('llvmlite', '?')}, "
        f"NumPy {versions.get('Numba', {}).get('numpy', '?')}, Python {versions.get('Numba', {}).get('python', '?')}).",
        "",
        "Best time in ms (lower is better); ratios above 1 mean [Njit] is slower and are marked. "
        "Δ: largest relative difference of a checksum from plain C# (strict columns / fast columns). "
        "Prange rows: [Njit(Parallel = true)] with Numba.Prange, Numba @njit(parallel=True) with prange and clang "
        "-fopenmp, each in the column of its sequential counterpart; plain C# there is the sequential checksum only.",
        "",
        table(times, checks),
        "",
        f"Triad bandwidth (24 bytes per element): {triad_bandwidth(times)}.",
        "",
        "First call in ms (compilation included; the first row also loads libLLVM / Numba's LLVM):",
        "",
        latency_table(latency),
        "",
        "Cost of a trivial call `Add(int, int)`:",
        "",
        calls_table(calls),
        "",
    ]
    text = "\n".join(md)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "results.md"), "w") as f:
        f.write(text)
    chart(times, os.path.join(out, "chart.svg"))
    print(text)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
