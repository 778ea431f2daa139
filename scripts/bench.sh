#!/usr/bin/env bash
# Builds and runs the benchmark suite (C#, [Njit], clang, Numba) and writes benchmarks/results/{results.md,chart.svg}.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-llvm.sh

# Debian's clang-19 and Numba (python3-numba 0.56) for the reference implementations.
missing=()
command -v clang-19 >/dev/null || missing+=(clang-19)
/usr/bin/python3 -c "import numba" 2>/dev/null || missing+=(python3-numba)
echo 'int main(void){return 0;}' | clang-19 -fopenmp -x c -o /dev/null - 2>/dev/null || missing+=(libomp-19-dev)
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench: installing ${missing[*]} with apt-get" >&2
  SUDO=""; [ "$(id -u)" != "0" ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
PY=/usr/bin/python3   # Debian's interpreter: the one python3-numba is installed for

RAW=benchmarks/results/raw
BUILD=artifacts/bench
rm -rf "$RAW" "$BUILD"
mkdir -p "$RAW" "$BUILD"

echo "bench: building the .NET suite" >&2
dotnet build benchmarks/NumbaWeaver.Benchmarks.csproj -c Release -v quiet -nologo
DLL=benchmarks/bin/Release/net10.0/NumbaWeaver.Benchmarks.dll
export NUMBA_JIT_STRICT=1   # a kernel that fails to compile must not be timed as plain C#

echo "bench: first-call latency (fresh process)" >&2
dotnet "$DLL" latency > "$RAW/dotnet-latency.jsonl"
echo "bench: trivial-call cost (Stopwatch loops)" >&2
dotnet "$DLL" calls > "$RAW/dotnet-calls.jsonl"
echo "bench: checksums" >&2
dotnet "$DLL" check > "$RAW/dotnet-check.jsonl"

echo "bench: C (clang-19)" >&2
C=benchmarks/reference/c
for variant in "clang -O3:" "clang -O3 -ffast-math:-ffast-math"; do
  name=${variant%%:*}; flags=${variant#*:}
  clang-19 -O3 -march=native $flags -o "$BUILD/bench-c" "$C/kernels.c" "$C/kernels_omp.c" "$C/bench.c" -lm
  "$BUILD/bench-c" "$name" >> "$RAW/c.jsonl"
done
# OpenMP references of the Prange kernels: only where clang-19's libomp (libomp-19-dev) is installed.
if echo 'int main(void){return 0;}' | clang-19 -fopenmp -x c -o "$BUILD/omp-probe" - 2>/dev/null; then
  for variant in "clang -O3 -fopenmp:" "clang -O3 -fopenmp -ffast-math:-ffast-math"; do
    name=${variant%%:*}; flags=${variant#*:}
    clang-19 -O3 -march=native -fopenmp $flags -o "$BUILD/bench-omp" "$C/kernels.c" "$C/kernels_omp.c" "$C/bench.c" -lm
    "$BUILD/bench-omp" "$name" parallel >> "$RAW/c.jsonl"
  done
else
  echo "bench: no OpenMP for clang-19 (apt-get install libomp-19-dev); C Prange rows left out" >&2
fi

echo "bench: Numba" >&2
(cd benchmarks/reference/numba && "$PY" bench.py) > "$RAW/numba.jsonl"

echo "bench: BenchmarkDotNet (short job, see benchmarks/ShortRun.cs)" >&2
dotnet "$DLL" bdn --artifacts "$BUILD/bdn" > "$BUILD/bdn.log"
cp "$BUILD"/bdn/results/*-report-full.json "$RAW/dotnet-bdn.json"

{
  echo "{\"kernel\":\"versions\",\"impl\":\"machine\",\"cpu\":\"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)\",\"cores\":$(nproc),\"os\":\"$(. /etc/os-release && echo "$PRETTY_NAME")\"}"
  echo "{\"kernel\":\"versions\",\"impl\":\"clang\",\"version\":\"$(clang-19 --version | head -1)\"}"
  echo "{\"kernel\":\"versions\",\"impl\":\"libllvm\",\"version\":\"$(dpkg-query -W -f="\${Package} \${Version}" libllvm19 2>/dev/null || echo unknown)\"}"
  echo "{\"kernel\":\"versions\",\"impl\":\"dotnet\",\"version\":\"$(dotnet --version)\"}"
  echo "{\"kernel\":\"versions\",\"impl\":\"date\",\"date\":\"$(date -u +%Y-%m-%d)\"}"
} > "$RAW/machine.jsonl"

"$PY" benchmarks/report/report.py "$RAW" benchmarks/results
