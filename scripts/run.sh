#!/usr/bin/env bash
# The README's "run" command: builds the gateway and runs it from the repository root with its embedded defaults
# (`scripts/run.sh [options]`, e.g. --urls http://127.0.0.1:9090 or --Esf:Roles worker).
# Without a configured connection string the app starts its own private PostgreSQL under .esf/pg; without a configured
# broker it uses the in-memory transport. It seeds the demo registry and writes .esf/demo.json.
# It runs in the Development environment: without a trust store the gateway accepts self-signed certificates (development
# trust) and seeds the demo; in any other environment it refuses to start without a trust store (docs/operations.md).
# The sandbox (docs/sandbox.md) is on: test taxpayers, keys, a clock and faults on demand, its key in .esf/demo.json.
# exec: Ctrl-C goes straight to the app, which stops what it started.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# A 64 MB gen0 budget for the gateway and worker (docs/operations.md, Memory); only the environment can set it.
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x4000000}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
dotnet build Esf.Api -c Release -nologo -v quiet -clp:ErrorsOnly
# The sandbox is refused in Production: only the Development run turns it on.
sandbox=()
[[ "$ASPNETCORE_ENVIRONMENT" == Development ]] && sandbox=(--Esf:Sandbox:Enabled true)
exec dotnet Esf.Api/bin/Release/net10.0/esf.dll serve "${sandbox[@]}" "$@"
