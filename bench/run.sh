#!/usr/bin/env bash
# Runs the benchmarks and prints their tables (and keeps them in bench/results/).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/results
dotnet build MissionPlanner.sln -c Release -v q --nologo
dotnet run -c Release --no-build --project bench/MissionPlanner.Bench -- "$@" | tee "bench/results/foundation-$(date -u +%Y%m%d).md"
