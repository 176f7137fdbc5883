#!/usr/bin/env bash
# Runs the benchmarks (all, or one of: foundation, email) and prints their tables; a copy is kept
# in bench/results/<date>.md. Extra options go to the benchmark program (see bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-packages.sh bench
mkdir -p bench/results
dotnet build MissionPlanner.sln -c Release -v q --nologo
dotnet run -c Release --no-build --project bench/MissionPlanner.Bench -- "$@" | tee "bench/results/$(date -u +%Y%m%d-%H%M).md"
