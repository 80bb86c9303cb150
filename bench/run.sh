#!/usr/bin/env bash
# End-to-end benchmark of the pipeline: gateway and worker as separate processes over a private RabbitMQ and PostgreSQL.
#
#   bench/run.sh [--invoices N] [--batch N] [--senders N] [--soap [FRACTION]] [--quick] [--no-append]
#                [--full] [--rate N] [--feed] [--export-invoices N] [--export-format xml|jsonl]
#                [--repeat N] [--scenario invoice|waybill|warehouse] [--warm-up-rounds N]
#
# --repeat N (default 3): the whole measurement runs N times, each on a fresh database with a fresh gateway and worker; every figure
# is reported as the median with its spread, over the runs that other work (or the host's speed moving) did not disturb (BENCHMARKS.md: a figure is
# a claim only as the median of 3 clean runs). --warm-up-rounds N fixes the warm-up (default: until it settles; 0: one small upload
# per sender, as before issue 17). --scenario picks what is sent (invoice; waybill or warehouse: REST only, --soap refused).
#
# --full adds: a change-feed consumer during the load (--feed), a second run paced at half the measured registered/s, and the
# export of 1,000,000 invoices generated in SQL (--export-invoices N to change that); these go to BENCHMARKS.md's second table.
# --soap makes that share of the senders (0.5 when no FRACTION is given) upload over SOAP instead of REST; without it all use REST.
#
# Builds Release, starts RabbitMQ (.esf/bench/rabbitmq); the bench program (bench/Esf.Bench) starts PostgreSQL (.esf/bench/pg),
# then per run a fresh database, the gateway and the worker, warms them up, sends the load, measures (also the in-process and physical
# limits and the machine's calibration: openssl speed, raw COPY), prints a report and appends a row to BENCHMARKS.md.
# Everything it started is stopped at the end, also on Ctrl-C or failure.
set -euo pipefail
# A 64 MB gen0 budget for the gateway and worker (docs/operations.md, Memory); only the environment can set it.
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x4000000}"
cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly ROOT="$PWD"
readonly WORK="$ROOT/.esf/bench"
readonly BENCH_DLL="$ROOT/bench/Esf.Bench/bin/Release/net10.0/esf-bench.dll"

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    [[ -f "$BENCH_DLL" ]] && dotnet "$BENCH_DLL" --cleanup --root "$ROOT" >/dev/null 2>&1 || true
    scripts/rabbitmq.sh stop "$WORK/rabbitmq" >/dev/null 2>&1 || true
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "Building (Release)…"
dotnet build Esf.Api -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet build bench/Esf.Bench -c Release -nologo -v quiet -clp:ErrorsOnly

mkdir -p "$WORK"
echo "Starting RabbitMQ in $WORK/rabbitmq…"
scripts/rabbitmq.sh start "$WORK/rabbitmq" >/dev/null
amqp="$(cat "$WORK/rabbitmq/amqp-uri")"

dotnet "$BENCH_DLL" --root "$ROOT" --amqp "$amqp" "$@"
