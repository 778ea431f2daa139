#!/usr/bin/env bash
# The newcomer's first command: make sure LLVM is installed, then build and run the Quickstart sample.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-llvm.sh
scripts/install-cc.sh
dotnet run -c Release --project samples/Quickstart/Quickstart.csproj
