#!/usr/bin/env bash
# Installs Debian's libLLVM 19 when no usable libLLVM (15 or newer) is present.
set -euo pipefail
for lib in libLLVM.so.19.1 libLLVM-19.so libLLVM-18.so libLLVM-17.so.1 libLLVM-16.so.1 libLLVM-15.so.1; do
  if ldconfig -p 2>/dev/null | grep -q "$lib"; then
    exit 0
  fi
done
echo "NumbaWeaver: installing libllvm19 (the LLVM runtime library) with apt-get" >&2
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libllvm19 >/dev/null
