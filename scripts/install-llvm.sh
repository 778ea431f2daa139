#!/usr/bin/env bash
# Installs Debian's libLLVM 19 when no libLLVM 18 or newer is present. The runtime works with 15-17 too, but only
# 18+ can put fast-math flags on instructions (LLVMSetFastMathFlags), without which [Njit(FastMath = true)] loops
# are not vectorised; a machine that has only an older library gets 19 beside it (the runtime prefers the newest).
set -euo pipefail
for lib in libLLVM.so.19.1 libLLVM-19.so libLLVM.so.18.1 libLLVM-18.so libLLVM-18.so.1; do
  if ldconfig -p 2>/dev/null | grep -q "$lib"; then
    exit 0
  fi
done
echo "NumbaWeaver: installing libllvm19 (the LLVM runtime library) with apt-get" >&2
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libllvm19 >/dev/null
