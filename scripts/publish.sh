#!/usr/bin/env bash
# Publishes the app, precompiled (ReadyToRun), to .build/app: scripts/run.sh runs it from there and the
# start-up benchmark measures it. Precompiled, the app starts to a healthy /health in about 0.8 s
# instead of 1.3 s, since little is left for the JIT (bench/RESULTS.md). Incremental: a second run
# with nothing changed takes a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet publish src/MissionPlanner.Web -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true \
  -o .build/app -v q --nologo
