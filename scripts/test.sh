#!/usr/bin/env bash
# Runs every test of the solution (unit, weaver, backend, differential, integration projects) and
# writes TRX results under artifacts/test-results.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-llvm.sh
scripts/install-cc.sh
rm -rf artifacts/test-results
dotnet build NumbaWeaver.sln -c Release -v minimal
dotnet test NumbaWeaver.sln -c Release --no-build --logger "trx" --results-directory artifacts/test-results "$@"
