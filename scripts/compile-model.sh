#!/usr/bin/env bash
# Regenerates the compiled EF Core models (one per provider) in src/MissionPlanner/Data/CompiledModels.
# Run it after every change to an entity or its configuration, with the migration the change needs;
# CompiledModelTests fails until it is run. The app loads these instead of building its model at start.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  rm -rf "src/MissionPlanner/Data/CompiledModels/$provider"
  dotnet ef dbcontext optimize --project src/MissionPlanner --startup-project "migrations/MissionPlanner.Migrations.$provider" \
    --output-dir "Data/CompiledModels/$provider" --namespace "MissionPlanner.Data.CompiledModels.$provider"
  # Both models live in one assembly, so neither may claim the context for itself: Configure picks one per provider.
  rm "src/MissionPlanner/Data/CompiledModels/$provider/AppDbContextAssemblyAttributes.cs"
done
