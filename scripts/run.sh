#!/usr/bin/env bash
# Runs the gateway locally: `scripts/run.sh [serve options]`. Without a configured connection string the app starts
# its own private PostgreSQL. exec: Ctrl-C goes straight to dotnet, which shuts the app down cleanly.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec dotnet run --project Esf.Api -c Release -- serve "$@"
