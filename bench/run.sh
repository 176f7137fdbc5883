#!/usr/bin/env bash
# Runs the benchmarks (all, or one of: foundation, email, registration, documents, scheduling, meetings, transfers, rooms) and prints
# their tables; a copy is kept in bench/results/<date>.md, and a run of all of them is bench/RESULTS.md. Extra options go to the benchmark program (see bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-packages.sh bench
mkdir -p bench/results
dotnet build MissionPlanner.sln -c Release -v q --nologo
scripts/publish.sh
out="bench/results/$(date -u +%Y%m%d-%H%M).md"
dotnet run -c Release --no-build --project bench/MissionPlanner.Bench -- "$@" | tee "$out"
# A run of every benchmark is the published report: bench/RESULTS.md, linked from the README.
if [ "$#" -eq 0 ] || [ "$1" = "all" ] || [[ "$1" == -* ]]; then
  {
    echo "# Benchmark results"
    echo
    echo "Written by \`bench/run.sh\` (every benchmark) on $(date -u '+%Y-%m-%d %H:%M UTC'). Each figure stands beside the baseline"
    echo "measured in the same run, with their ratio; what each measures and its target are in [bench/README.md](README.md)."
    echo
    echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB memory,"
    echo "$(. /etc/os-release && echo "$PRETTY_NAME"), .NET SDK $(dotnet --version), SQLite in WAL mode on the local disk."
    echo
    cat "$out"
  } > bench/RESULTS.md
  echo "Report written to bench/RESULTS.md"
fi
