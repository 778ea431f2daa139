#!/usr/bin/env bash
# Publishes, self-contained for linux-x64, what scripts/gpu-check.sh runs on a GPU machine without .NET:
# the CUDA test runner and the four CUDA samples, into artifacts/gpu/ (carry that folder and scripts/ to the GPU machine).
set -euo pipefail
cd "$(dirname "$0")/.."
out=artifacts/gpu
rm -rf "$out"
publish() { dotnet publish "$1" -c Release -r linux-x64 --self-contained -p:UseAppHost=true -o "$out/$2" -v minimal; }
publish tests/NumbaWeaver.Cuda.Tests/NumbaWeaver.Cuda.Tests.csproj tests
for s in CudaVectorAdd CudaMatMul CudaReduction CudaStencil; do publish "samples/$s/$s.csproj" "$s"; done
du -sh "$out"
