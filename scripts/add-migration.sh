#!/usr/bin/env bash
# Adds a migration named $1 for both providers, so the SQLite and SQL Server migrations stay in step
# (tests/Data.Tests fails when either lacks a model change).
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer; do
  dotnet ef migrations add "$name" --project src/Data --startup-project src/Data \
    --context "${provider}PortalDbContext" --output-dir "Migrations/$provider" --namespace "Portal.Data.Migrations.$provider"
done
# dotnet-ef places the model snapshot by namespace; keep it beside its migrations.
for provider in Sqlite SqlServer; do
  stray="src/Data/Portal/Data/Migrations/$provider/${provider}PortalDbContextModelSnapshot.cs"
  if [ -f "$stray" ]; then mv "$stray" "src/Data/Migrations/$provider/"; fi
done
rm -rf src/Data/Portal
