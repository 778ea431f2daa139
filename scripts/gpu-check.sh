#!/usr/bin/env bash
# On a GPU machine (no .NET needed): runs the CUDA test class and the samples from artifacts/gpu (made by
# scripts/gpu-publish.sh) on the GPU, prints our kernel time vs numba-cuda's for the 4096x4096 float32 tiled
# matmul and the 2-D stencil, runs ParallelBench (precompiled) on every core, and times precompiled first calls on its CPU. Usage: scripts/gpu-check.sh [artifacts/gpu]
set -uo pipefail
cd "$(dirname "$0")/.."
dir=${1:-artifacts/gpu}
status=0
unset NUMBA_ENABLE_CUDASIM
nvidia-smi --query-gpu=name,driver_version --format=csv,noheader || true
lscpu | grep -E "^Model name|^CPU\(s\)" || true

# The published apps are framework-dependent: use the machine's dotnet, else the runtime published beside them.
if ! command -v dotnet >/dev/null; then
  mkdir -p /tmp/dotnet && tar -C /tmp/dotnet -xJf "$dir/dotnet.tar.xz" || exit 1
  export DOTNET_ROOT=/tmp/dotnet PATH=/tmp/dotnet:$PATH
fi
app() { local name=$1; shift; dotnet "$dir/$name/$name.dll" "$@"; }

# First-call latency of precompiled kernels on this machine's CPU (docs/cache.md "Measuring" has this VM's figures): the
# median of 11 new processes each, with no libLLVM (none is installed here), and what .NET charges with no NumbaWeaver.
if [ -d "$dir/Cached" ]; then
  echo "== first calls on this machine (median of 11 processes, ms)"
  runs=11
  source scripts/medians.sh
  first_calls() { # label, keys, then the command: prints each key beside its median
    local label=$1 keys=$2 values; shift 2
    values=$(medians "$keys" "$@") || status=1
    printf '%-22s' "$label"
    paste -d' ' <(tr ' ' '\n' <<<"$keys") <(tr ' ' '\n' <<<"$values") | tr '\n' ' ' | sed 's/^/ /'
    echo
  }
  kernels="first-call-small-ms first-call-large-ms first-call-next-small-ms second-call-large-ms first-call-generic-ms"
  floor="floor-managed-first-call-ms floor-first-native-call-ms floor-new-library-first-call-ms floor-generic-math-first-call-ms"
  latency_cache=$(mktemp -d)
  first_calls "precompiled" "$kernels precompiled-hits" env NUMBA_CACHE_DIR="$latency_cache" NUMBA_JIT_STRICT=1 dotnet "$dir/Cached/Cached.dll"
  first_calls "precompiled + R2R" "$kernels precompiled-hits" env NUMBA_CACHE_DIR="$latency_cache" NUMBA_JIT_STRICT=1 dotnet "$dir/CachedR2R/Cached.dll"
  # NativeAOT: one executable with the native hit path linked in, needing no .NET on this machine.
  [ -x "$dir/CachedAot/Cached" ] && first_calls "precompiled + AOT" "$kernels precompiled-hits" env NUMBA_CACHE_DIR="$latency_cache" NUMBA_JIT_STRICT=1 "$dir/CachedAot/Cached"
  first_calls "original C#" "$kernels" env NUMBA_DISABLE_JIT=1 dotnet "$dir/Cached/Cached.dll"
  first_calls "original C# + R2R" "$kernels" env NUMBA_DISABLE_JIT=1 dotnet "$dir/CachedR2R/Cached.dll"
  [ -x "$dir/CachedAot/Cached" ] && first_calls "original C# + AOT" "$kernels" env NUMBA_DISABLE_JIT=1 "$dir/CachedAot/Cached"
  first_calls "floor" "$floor" dotnet "$dir/FirstCallFloor/FirstCallFloor.dll"
  first_calls "floor R2R" "$floor" dotnet "$dir/FirstCallFloorR2R/FirstCallFloor.dll"
  first_calls "floor loader R2R" "floor-minimal-loader-first-call-ms" dotnet "$dir/FirstCallFloorR2R/FirstCallFloor.dll" loader
  rm -rf "$latency_cache"
fi

echo "== CUDA test class (GpuTests) on the GPU"
dotnet "$dir/tests/NumbaWeaver.Cuda.Tests.dll" gpu || status=1

echo "== samples on the GPU"
app CudaVectorAdd || status=1
app CudaReduction || status=1
ours_mm=$(app CudaMatMul 4096 5) || status=1
echo "$ours_mm"
ours_st=$(app CudaStencil 4096 100) || status=1
echo "$ours_st"

echo "== first launch: ILGPU's compile against PTX from the disk cache (NUMBA_CACHE=1, a new cache folder)"
cache_dir=$(mktemp -d)
plain=$(app CudaMatMul 256 1) || status=1
miss=$(NUMBA_CACHE=1 NUMBA_CACHE_DIR=$cache_dir app CudaMatMul 256 1) || status=1
hit=$(NUMBA_CACHE=1 NUMBA_CACHE_DIR=$cache_dir app CudaMatMul 256 1) || status=1
r2r=$(dotnet "$dir/CudaMatMulR2R/CudaMatMul.dll" 256 1) || status=1
r2r_hit=$(NUMBA_CACHE=1 NUMBA_CACHE_DIR=$cache_dir dotnet "$dir/CudaMatMulR2R/CudaMatMul.dll" 256 1) || status=1
printf "%s\n%s\n%s\n%s\n%s\n" "$plain" "$miss" "$hit" "$r2r" "$r2r_hit"
rm -rf "$cache_dir"

echo "== numba-cuda on the same GPU"
numba_mm=$(python3 scripts/gpu/numba_matmul.py 4096 5) || status=1
echo "$numba_mm"
numba_st=$(python3 scripts/gpu/numba_stencil.py 4096 100) || status=1
echo "$numba_st"

field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2" | tail -1; }
echo "== summary (kernel time, best of runs, CUDA events)"
printf "%-36s %12s %12s\n" "" "NumbaWeaver" "numba-cuda"
printf "%-36s %12s %12s\n" "matmul 4096^2 f32, fma (ms)" "$(field kernel_ms "$ours_mm")" "$(field kernel_ms "$numba_mm")"
printf "%-36s %12s %12s\n" "matmul 4096^2 f32, C# rounding (ms)" "$(field exact_ms "$ours_mm")" ""
printf "%-36s %12s %12s\n" "matmul 4096^2 f32, fma, no checks" "$(field edge_nocheck_ms "$ours_mm")" ""
printf "%-36s %12s %12s\n" "the same without edge tests (fma)" "$(field square_ms "$ours_mm")" ""
printf "%-36s %12s %12s\n" "  and without index checks" "$(field square_nocheck_ms "$ours_mm")" ""
printf "%-36s %12s %12s\n" "stencil 4096^2 f32 (ms/step)" "$(field kernel_ms_per_step "$ours_st")" "$(field kernel_ms_per_step "$numba_st")"
echo "first launch of the matmul (256^2) in a new process, ms: first kernel / second kernel"
printf "%-36s %12s %12s\n" "compiled (no disk cache)" "$(field launch1_ms "$plain")" "$(field launch1_fast_ms "$plain")"
printf "%-36s %12s %12s\n" "compiled and stored (NUMBA_CACHE=1)" "$(field launch1_ms "$miss")" "$(field launch1_fast_ms "$miss")"
printf "%-36s %12s %12s   cache hits: %s\n" "from the disk cache" "$(field launch1_ms "$hit")" "$(field launch1_fast_ms "$hit")" "$(field cache_hits "$hit")"
printf "%-36s %12s %12s\n" "published with ReadyToRun, compiled" "$(field launch1_ms "$r2r")" "$(field launch1_fast_ms "$r2r")"
printf "%-36s %12s %12s   cache hits: %s\n" "  and from the disk cache" "$(field launch1_ms "$r2r_hit")" "$(field launch1_fast_ms "$r2r_hit")" "$(field cache_hits "$r2r_hit")"

if [ -d "$dir/ParallelBench" ]; then
  echo "== ParallelBench on every core (precompiled: this machine has no libLLVM)"
  NUMBA_DEBUG_CACHE=1 app ParallelBench 7 2>&1 || status=1
fi
exit $status
