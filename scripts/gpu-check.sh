#!/usr/bin/env bash
# On a GPU machine (no .NET needed): runs the CUDA test class and the samples from artifacts/gpu (made by
# scripts/gpu-publish.sh) on the GPU, then prints our kernel time vs numba-cuda's for the 4096x4096 float32
# tiled matmul and the 2-D stencil. Usage: scripts/gpu-check.sh [artifacts/gpu]
set -uo pipefail
cd "$(dirname "$0")/.."
dir=${1:-artifacts/gpu}
status=0
unset NUMBA_ENABLE_CUDASIM
nvidia-smi --query-gpu=name,driver_version --format=csv,noheader || true

echo "== CUDA test class (GpuTests) on the GPU"
"$dir/tests/NumbaWeaver.Cuda.Tests" gpu || status=1

echo "== samples on the GPU"
"$dir/CudaVectorAdd/CudaVectorAdd" || status=1
"$dir/CudaReduction/CudaReduction" || status=1
ours_mm=$("$dir/CudaMatMul/CudaMatMul" 4096 5) || status=1
echo "$ours_mm"
ours_st=$("$dir/CudaStencil/CudaStencil" 4096 100) || status=1
echo "$ours_st"

echo "== numba-cuda on the same GPU"
numba_mm=$(python3 scripts/gpu/numba_matmul.py 4096 5) || status=1
echo "$numba_mm"
numba_st=$(python3 scripts/gpu/numba_stencil.py 4096 100) || status=1
echo "$numba_st"

field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2" | tail -1; }
echo "== summary (kernel time, best of runs, CUDA events)"
printf "%-28s %14s %14s\n" "" "NumbaWeaver" "numba-cuda"
printf "%-28s %14s %14s\n" "matmul 4096^2 f32 (ms)" "$(field kernel_ms "$ours_mm")" "$(field kernel_ms "$numba_mm")"
printf "%-28s %14s %14s\n" "stencil 4096^2 f32 (ms/step)" "$(field kernel_ms_per_step "$ours_st")" "$(field kernel_ms_per_step "$numba_st")"
exit $status
