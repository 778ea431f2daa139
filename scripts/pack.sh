#!/usr/bin/env bash
# Builds the NumbaWeaver and NumbaWeaver.Fody packages (Release) into the local folder feed nuget/feed.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet pack NumbaWeaver.sln -c Release -v minimal
ls -1 nuget/feed/*.nupkg
