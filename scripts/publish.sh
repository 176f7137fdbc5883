#!/usr/bin/env bash
# Publishes the app, precompiled (ReadyToRun), to .build/app: scripts/run.sh runs it from there and the
# start-up benchmark measures it. Precompiled, the app starts to a healthy /health in about 0.9 s
# instead of 1.4 s, since little is left for the JIT (bench/RESULTS.md). Skipped when no source
# changed since the last publish.
set -euo pipefail
cd "$(dirname "$0")/.."
app=.build/app/MissionPlanner.Web.dll
# Nothing changed since the last publish: start at once (an incremental publish still costs ~3 s).
if [ -f "$app" ] && [ -z "$(find src migrations templates Directory.Build.props Directory.Packages.props -newer "$app" -type f \
     -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]; then
  exit 0
fi
dotnet publish src/MissionPlanner.Web -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true \
  -o .build/app -v q --nologo
# Marks this publish as the newest, so the check above sees what it covered.
touch "$app"
