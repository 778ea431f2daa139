#!/usr/bin/env bash
# Installs gcc with apt-get when no C compiler is at /usr/bin/cc: the build compiles libnumbaweaver_native.so
# (runtime/Native, the native hit path of cached and precompiled first calls) and its static archive for NativeAOT
# apps with it (gcc's binutils bring ar); the NativeAOT package test and scripts link with it where clang is absent.
set -euo pipefail
[ -x /usr/bin/cc ] && exit 0
[ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ] || exit 0
command -v apt-get >/dev/null || { echo "NumbaWeaver: no C compiler at /usr/bin/cc; the native hit path is not built" >&2; exit 0; }
echo "NumbaWeaver: installing gcc (for runtime/Native) with apt-get" >&2
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq gcc libc6-dev >/dev/null
