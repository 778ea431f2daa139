#!/usr/bin/env bash
# Publishes what scripts/gpu-check.sh runs on a GPU machine without .NET, into artifacts/gpu/: the CUDA test
# runner, the four CUDA samples, ParallelBench precompiled (that machine has many cores and no libLLVM), the first-call latency programs
# (framework-dependent, one folder each) and the .NET runtime they share
# (dotnet.tar.xz, about 30 MB: five self-contained copies would not fit a 64 MiB transfer). Carry artifacts/gpu.
set -euo pipefail
cd "$(dirname "$0")/.."
out=artifacts/gpu
rm -rf "$out"
publish() { dotnet publish "$1" -c Release -r linux-x64 --self-contained false -p:UseAppHost=false -o "$out/$2" -v minimal "${@:3}"; }
publish tests/NumbaWeaver.Cuda.Tests/NumbaWeaver.Cuda.Tests.csproj tests
rm -rf "$out/tests/Microsoft.CodeCoverage"   # the test SDK's coverage collector (30 MB): Program.cs does not use it
for s in CudaVectorAdd CudaMatMul CudaReduction CudaStencil; do publish "samples/$s/$s.csproj" "$s"; done
# The matmul again, published with ReadyToRun (ILGPU's compiler precompiled too): the first launch's cost without it.
publish samples/CudaMatMul/CudaMatMul.csproj CudaMatMulR2R -p:PublishReadyToRun=true
publish samples/ParallelBench/ParallelBench.csproj ParallelBench -p:NumbaPrecompile=true "-p:NumbaPrecompileCpus=x86-64-v4%3Bx86-64-v3%3Bx86-64-v2"
# First-call latency on that machine's CPU (no libLLVM there, so precompiled and original C# only): the Cached integration
# project and the floor program, each as built (JIT) and with ReadyToRun (Cached with NativeAOT too), as scripts/cache-latency.sh runs them here.
# "As built" is the build output itself: a RID-specific publish builds the in-solution runtime for that RID, without the
# ReadyToRun image a build (and the NuGet package) has.
as_built() { # the build output without the RID folders that publishes here leave beside it (an AOT one is 90 MB)
  dotnet build "$1" -c Release -v minimal && cp -r "$(dirname "$1")/bin/Release/net10.0" "$out/$2" && rm -rf "$out/$2/linux-x64"
}
as_built tests/IntegrationProjects/Cached/Cached.csproj Cached
publish tests/IntegrationProjects/Cached/Cached.csproj CachedR2R -p:PublishReadyToRun=true
# And published with NativeAOT (docs/cache.md "NativeAOT"): the executable and its precompiled folder only (its debug
# symbols are 6 MB; the .so is linked in; the precompiler is a build tool the in-solution reference copies along).
aot_linker=""; [[ -x /usr/bin/clang ]] || aot_linker="-p:CppCompilerAndLinker=gcc"
dotnet publish tests/IntegrationProjects/Cached/Cached.csproj -c Release -r linux-x64 -p:NumbaInSolutionAot=true $aot_linker \
  -o "$out/CachedAotFull" -v minimal
mkdir -p "$out/CachedAot" && mv "$out/CachedAotFull/Cached" "$out/CachedAotFull/Cached.numba" "$out/CachedAot/" && rm -rf "$out/CachedAotFull"
as_built benchmarks/FirstCallFloor/FirstCallFloor.csproj FirstCallFloor
publish benchmarks/FirstCallFloor/FirstCallFloor.csproj FirstCallFloorR2R -p:PublishReadyToRun=true
# The runtime: the host (dotnet), its resolver and the shared framework the apps name.
root=$(dirname "$(readlink -f "$(command -v dotnet)")")
version=$(dotnet --list-runtimes | sed -n 's/^Microsoft.NETCore.App \([0-9.]*\) .*/\1/p' | tail -1)
tar -C "$root" -cJf "$out/dotnet.tar.xz" dotnet host "shared/Microsoft.NETCore.App/$version"
du -sh "$out"/*
