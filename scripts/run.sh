#!/usr/bin/env bash
# Runs MissionPlanner on http://127.0.0.1:5080 (ASPNETCORE_URLS overrides) with its data in ./data
# (MISSIONPLANNER_DATA overrides). Extra arguments go to the app, e.g. "worker" or "migrate".
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-packages.sh run
scripts/publish.sh
exec dotnet .build/app/MissionPlanner.Web.dll "$@" --contentRoot "$PWD/src/MissionPlanner.Web"
