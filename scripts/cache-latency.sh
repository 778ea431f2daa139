#!/usr/bin/env bash
# Measures first-call latency of a small (Dot) and a large (Relax) kernel: cold compile, disk cache hit in a new
# process, precompiled at build time (with libLLVM hidden), the same published with ReadyToRun (the stubs precompiled
# by crossgen too) and with NativeAOT, and the original C# (NUMBA_DISABLE_JIT=1, as built and NativeAOT) for reference.
# Prints the median of N runs (default 5) per scenario, with a generic kernel's first instantiation (called after the
# others), then the same for Numba's @njit(cache=True) on the same kernels (benchmarks/reference/numba/first_call.py;
# python3-numba is installed with apt-get when missing), then kernels that call another assembly's [Njit] methods
# (tests/IntegrationProjects/CrossAssembly, cached and precompiled), then the floor: what .NET itself charges the same
# kinds of first call with no NumbaWeaver involved (benchmarks/FirstCallFloor), built as usual and published with ReadyToRun.
# Usage: scripts/cache-latency.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
project=tests/IntegrationProjects/Cached
dotnet build "$project/Cached.csproj" -c Release -v quiet -nologo >/dev/null
# The build leaves compiler servers running; they would take CPU from the measured processes.
dotnet build-server shutdown >/dev/null 2>&1 || true
dll="$project/bin/Release/net10.0/Cached.dll"
cache="$(mktemp -d)"
published="$(mktemp -d)"
aot_published="$(mktemp -d)"
floor_published="$(mktemp -d)"
trap 'rm -rf "$cache" "$published" "$aot_published" "$floor_published"' EXIT
# The same app published with ReadyToRun: crossgen compiles the woven stubs, so no kernel's first call waits for the JIT.
dotnet publish "$project/Cached.csproj" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$published" -v quiet -nologo >/dev/null
# And published with NativeAOT: no JIT at all, and the native hit path linked into the executable (runtime/build/).
# NumbaInSolutionAot is this repository's PublishAot for the app alone (tests/InSolutionWeaver.props); gcc links where clang is absent.
aot_linker=""; [[ -x /usr/bin/clang ]] || aot_linker="-p:CppCompilerAndLinker=gcc"
dotnet publish "$project/Cached.csproj" -c Release -r linux-x64 -p:NumbaInSolutionAot=true $aot_linker \
  -o "$aot_published" -v quiet -nologo >/dev/null
floor=benchmarks/FirstCallFloor
dotnet build "$floor/FirstCallFloor.csproj" -c Release -v quiet -nologo >/dev/null
dotnet publish "$floor/FirstCallFloor.csproj" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$floor_published" -v quiet -nologo >/dev/null
dotnet build-server shutdown >/dev/null 2>&1 || true

source scripts/medians.sh

measure() { # scenario-name, then environment assignments; runs the program $runs times (NUMBA_PROGRAM overrides it)
  local name="$1" small large next run generic llvm; shift
  run_scenario() { # a cold scenario starts from an empty cache each time
    [[ "$name" == *cold ]] && rm -rf "${cache:?}"/*
    env "$@" NUMBA_CACHE_DIR="$cache" ${NUMBA_PROGRAM:-dotnet "$dll"}
  }
  read -r small large next run generic llvm <<<"$(medians \
    "first-call-small-ms first-call-large-ms first-call-next-small-ms second-call-large-ms first-call-generic-ms llvm-loaded" run_scenario "$@")"
  printf '%-13s small %8s ms   large %8s ms (running it: %7s ms)   next small %7s ms   generic %7s ms   (median of %s; llvm-loaded %s)\n' "$name" \
    "$small" "$large" "$run" "$next" "$generic" "$runs" "$llvm"
}

measure cold NUMBA_USE_PRECOMPILED=0
measure cached NUMBA_USE_PRECOMPILED=0
measure precompiled NUMBA_LLVM_PATH=/nonexistent NUMBA_JIT_STRICT=1
NUMBA_PROGRAM="dotnet $published/Cached.dll" measure "precomp+R2R" NUMBA_LLVM_PATH=/nonexistent NUMBA_JIT_STRICT=1
NUMBA_PROGRAM="$aot_published/Cached" measure "precomp+AOT" NUMBA_LLVM_PATH=/nonexistent NUMBA_JIT_STRICT=1
measure original NUMBA_DISABLE_JIT=1
NUMBA_PROGRAM="$aot_published/Cached" measure "original AOT" NUMBA_DISABLE_JIT=1

# The cached row as users get it without NUMBA_CACHE_DIR: the default folder, $HOME/.cache/numbaweaver (a temporary
# HOME here, so the user's own cache is left alone).
default_home="$(mktemp -d)"
run_default() { env -u NUMBA_CACHE_DIR -u XDG_CACHE_HOME HOME="$default_home" NUMBA_USE_PRECOMPILED=0 dotnet "$dll"; }
run_default >/dev/null
read -r small large next generic <<<"$(medians "first-call-small-ms first-call-large-ms first-call-next-small-ms first-call-generic-ms" run_default)"
printf '%-13s small %8s ms   large %8s ms   next small %7s ms   generic %7s ms   (median of %s; the default cache folder)\n' \
  "cached home" "$small" "$large" "$next" "$generic" "$runs"
rm -rf "${default_home:?}"

# Numba, the reference: cold = type inference + LLVM in a fresh process; cached = a new process loading its cache.
if ! /usr/bin/python3 -c "import numba" 2>/dev/null; then
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
  echo "cache-latency: installing python3-numba with apt-get" >&2
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-numba >/dev/null
fi
rm -rf "${cache:?}"/*
export NUMBA_PROGRAM="/usr/bin/python3 benchmarks/reference/numba/first_call.py"
measure "numba cold"
measure "numba cached"

# Kernels calling another assembly's [Njit] methods, and a Prange kernel (tests/IntegrationProjects/CrossAssembly):
# cached first calls in a new process, each after a first kernel that calls nothing of the other assembly.
cross=tests/IntegrationProjects/CrossAssembly
for project in Filters App; do
  dotnet build "$cross/$project" -c Release -v quiet -nologo -p:BuildProjectReferences=false >/dev/null
done
dotnet build-server shutdown >/dev/null 2>&1 || true
rm -rf "${cache:?}"/*
cross_dll="$cross/App/bin/Release/net10.0/CrossApp.dll"
NUMBA_CACHE_DIR="$cache" NUMBA_USE_PRECOMPILED=0 dotnet "$cross_dll" >/dev/null
measure_cross() { # name, then environment assignments (CROSS_PROGRAM overrides the program)
  local name="$1"; shift
  local first smooth parallel generic
  read -r first smooth parallel generic <<<"$(medians "first-call-sum-ms first-call-smooth-ms first-call-parallel-ms first-call-generic-ms" \
    env "$@" NUMBA_CACHE_DIR="$cache" ${CROSS_PROGRAM:-dotnet "$cross_dll"})"
  printf '%-13s first kernel %6s ms   next, calling another assembly %6s ms   next, a Prange kernel calling it %6s ms   a generic one %6s ms   (median of %s)\n' "$name" \
    "$first" "$smooth" "$parallel" "$generic" "$runs"
}
measure_cross "cross cached" NUMBA_USE_PRECOMPILED=0
measure_cross "cross precomp" NUMBA_LLVM_PATH=/nonexistent NUMBA_JIT_STRICT=1
# The same app published with NativeAOT (one MSBuild node: the app and the library would build the runtime for the RID at once).
cross_aot="$(mktemp -d)"
dotnet publish "$cross/App/App.csproj" -c Release -r linux-x64 -p:NumbaInSolutionAot=true $aot_linker -m:1 -o "$cross_aot" -v quiet -nologo >/dev/null
dotnet build-server shutdown >/dev/null 2>&1 || true
CROSS_PROGRAM="$cross_aot/CrossApp" measure_cross "cross AOT" NUMBA_LLVM_PATH=/nonexistent NUMBA_JIT_STRICT=1
rm -rf "${cross_aot:?}"

# The floor: plain C# and plain P/Invoke first calls (benchmarks/FirstCallFloor/Program.cs says what each one is).
measure_floor() { # name, program
  local name="$1" program="$2" managed native library generic
  read -r managed native library generic <<<"$(medians "floor-managed-first-call-ms floor-first-native-call-ms floor-new-library-first-call-ms floor-generic-math-first-call-ms" $program)"
  printf '%-13s plain C# method %6s ms   first native call %6s ms   first call into a new library %6s ms   generic-math method %6s ms   (median of %s)\n' "$name" \
    "$managed" "$native" "$library" "$generic" "$runs"
}
measure_floor "floor" "dotnet $floor/bin/Release/net10.0/FirstCallFloor.dll"
measure_floor "floor R2R" "dotnet $floor_published/FirstCallFloor.dll"
# The least a precompiled first call can cost: a stub that maps machine code from a file and calls it (MinimalLoader.cs).
measure_loader() { # name, program
  local name="$1" program="$2"
  printf '%-13s a minimal loader'"'"'s first call %6s ms   (median of %s)\n' "$name" "$(medians floor-minimal-loader-first-call-ms $program loader)" "$runs"
}
measure_loader "floor" "dotnet $floor/bin/Release/net10.0/FirstCallFloor.dll"
measure_loader "floor R2R" "dotnet $floor_published/FirstCallFloor.dll"
