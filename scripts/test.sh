#!/usr/bin/env bash
# Runs every test of Esf.sln against private services, from any folder:
#   - RabbitMQ: a private node started here (scripts/rabbitmq.sh, under .esf/test/rabbitmq), passed to the tests as
#     ESF_TEST_RABBITMQ, unless ESF_TEST_RABBITMQ is already set;
#   - PostgreSQL: started by the test assembly itself (TestServices, under .esf/test/pg) unless ESF_TEST_POSTGRES is set.
# Both are stopped at the end. TRX results go to .esf/test/results. The last line printed is
# "N passed, N failed" (", N skipped" when some were skipped); the exit code is non-zero when a test failed,
# the run itself failed (build error, crash) or no test ran.
#
# Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Upload"). A test that hangs for 20 minutes
# is killed (--blame-hang-timeout), which fails the run, so CI ends well within its time.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT"

readonly STATE_DIR="$ROOT/.esf/test"
readonly RESULTS_DIR="$STATE_DIR/results"
readonly RABBITMQ_DIR="$STATE_DIR/rabbitmq"
readonly PG_DIR="$STATE_DIR/pg"

log() { printf 'test.sh: %s\n' "$*" >&2; }
is_ci() { [[ "${CI:-}" == "true" || "${CI:-}" == "1" ]]; }

as_root() {
    if [[ "$(id -u)" == 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo -n "$@"
    else
        return 1
    fi
}

# --- (a) tools --------------------------------------------------------------------------------------------------

if ! command -v dotnet >/dev/null 2>&1; then
    if [[ -x "$HOME/.dotnet/dotnet" ]]; then
        export PATH="$HOME/.dotnet:$PATH"
    else
        log "error: the .NET SDK (dotnet) is not installed or not on PATH; this project needs SDK $(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' global.json)"
        exit 1
    fi
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Build nodes exit with the build instead of lingering after the run.
export MSBUILDDISABLENODEREUSE=1

command -v python3 >/dev/null 2>&1 || { log "error: python3 is needed to read the test results (TRX)"; exit 1; }

pg_bin_dir() {
    local dir
    for dir in /usr/lib/postgresql/15/bin "$(pg_config --bindir 2>/dev/null || true)" /usr/lib/postgresql/*/bin; do
        if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
            printf '%s\n' "$dir"
            return 0
        fi
    done
    return 1
}

# The tests start their own PostgreSQL from the server binaries: install them when missing.
if [[ -z "${ESF_TEST_POSTGRES:-}" ]] && ! pg_bin_dir >/dev/null; then
    log "PostgreSQL server binaries not found: installing postgresql-15 with apt-get"
    if ! { as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
        && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 postgresql-15 >&2; }; then
        log "warning: could not install postgresql-15; the tests that need PostgreSQL will fail or be ignored"
    fi
fi

# The browser tests (category Browser) drive Debian's Chromium through Playwright's driver from NuGet: no browser is ever
# downloaded. Install it when missing, with the DejaVu fonts it draws Cyrillic and Kazakh letters with.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [[ ! -x /usr/bin/chromium ]] || [[ ! -d /usr/share/fonts/truetype/dejavu ]]; then
    log "chromium or fonts-dejavu-core not found: installing them with apt-get (the browser tests need them)"
    if ! { as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
        && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 chromium fonts-dejavu-core >&2; }; then
        log "warning: could not install chromium; the browser tests will be ignored (failed under CI)"
    fi
fi

# --- services ---------------------------------------------------------------------------------------------------

STARTED_RABBITMQ=0
CLEANED_UP=0

stop_private_postgres() {
    local folder="$PG_DIR" bin
    # As root, PrivatePostgresCluster keeps the cluster elsewhere when the postgres user cannot reach $PG_DIR.
    if [[ -s "$PG_DIR/relocated-to" ]]; then folder="$(head -n 1 "$PG_DIR/relocated-to")"; fi
    [[ -f "$folder/data/postmaster.pid" ]] || return 0
    bin="$(pg_bin_dir)" || { log "warning: cannot stop PostgreSQL in $folder: pg_ctl not found"; return 0; }
    log "stopping the private PostgreSQL left running in $folder"
    if [[ "$(id -u)" == 0 ]]; then
        runuser -u postgres -- "$bin/pg_ctl" stop -D "$folder/data" -m fast -w -t 60 >&2 || true
    else
        "$bin/pg_ctl" stop -D "$folder/data" -m fast -w -t 60 >&2 || true
    fi
}

cleanup() {
    ((CLEANED_UP)) && return 0
    CLEANED_UP=1
    if ((STARTED_RABBITMQ)); then
        bash "$ROOT/scripts/rabbitmq.sh" stop "$RABBITMQ_DIR" || log "warning: stopping RabbitMQ failed"
    fi
    stop_private_postgres
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$STATE_DIR"
rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"

# --- (b)+(c) RabbitMQ --------------------------------------------------------------------------------------------

if [[ -n "${ESF_TEST_RABBITMQ:-}" ]]; then
    log "using the RabbitMQ given in ESF_TEST_RABBITMQ"
else
    STARTED_RABBITMQ=1
    if bash "$ROOT/scripts/rabbitmq.sh" start "$RABBITMQ_DIR" >/dev/null; then
        ESF_TEST_RABBITMQ="$(cat "$RABBITMQ_DIR/amqp-uri")"
        export ESF_TEST_RABBITMQ
    elif is_ci; then
        log "error: could not start the private RabbitMQ (see above)"
        exit 1
    else
        log "warning: could not start the private RabbitMQ: the RabbitMQ tests will be ignored"
    fi
fi
# PostgreSQL: started by the test assembly (Esf.Tests TestServices) under .esf/test/pg unless ESF_TEST_POSTGRES is set.

# --- (d) tests -----------------------------------------------------------------------------------------------------

log "dotnet test Esf.sln -c Release (results in ${RESULTS_DIR#"$ROOT"/})"
TEST_RC=0
dotnet test Esf.sln -c Release \
    --results-directory "$RESULTS_DIR" \
    --logger "trx;LogFilePrefix=esf" \
    --logger "console;verbosity=normal" \
    --blame-hang-timeout 20m --blame-hang-dump-type none \
    "$@" </dev/null || TEST_RC=$?

# --- (e) services down before the summary, so the summary stays the last line -------------------------------------

cleanup

# --- (f) summary from the TRX files --------------------------------------------------------------------------------

SUMMARY_RC=0
SUMMARY="$(python3 - "$RESULTS_DIR" <<'PY'
import glob, os, sys
import xml.etree.ElementTree as ET

results_dir = sys.argv[1]
files = sorted(glob.glob(os.path.join(results_dir, "**", "*.trx"), recursive=True))
passed = failed = skipped = 0
run_failed = False
for path in files:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        print(f"test.sh: cannot read {path}: {e}", file=sys.stderr)
        run_failed = True
        continue
    for result in root.findall(".//{*}UnitTestResult"):
        outcome = result.get("outcome", "")
        if outcome == "Passed":
            passed += 1
        elif outcome in ("Failed", "Error", "Timeout", "Aborted"):
            failed += 1
            print(f"test.sh: FAILED {result.get('testName', '?')}", file=sys.stderr)
        else:  # NotExecuted (ignored), Inconclusive, ...
            skipped += 1
    # A crashed or aborted run (e.g. the test host died) leaves an Error RunInfo: it counts as one failure.
    errors = [info for info in root.findall(".//{*}RunInfos/{*}RunInfo") if info.get("outcome") == "Error"]
    summary = root.find(".//{*}ResultSummary")
    if errors or (summary is not None and summary.get("outcome") in ("Aborted", "Error")):
        run_failed = True
        failed += 1
        print(f"test.sh: the test run of {os.path.basename(path)} was aborted:", file=sys.stderr)
        for info in errors:
            text = "".join(info.find("{*}Text").itertext()) if info.find("{*}Text") is not None else ""
            print("    " + text.strip().replace("\n", "\n    ")[:2000], file=sys.stderr)
if not files:
    print("test.sh: no TRX result file was written (build failure?)", file=sys.stderr)
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
sys.exit(1 if failed or run_failed or passed + failed == 0 else 0)
PY
)" || SUMMARY_RC=$?

if ((TEST_RC != 0)); then
    log "dotnet test exited with $TEST_RC"
fi
printf '%s\n' "${SUMMARY:-0 passed, 0 failed}"
if ((TEST_RC != 0 || SUMMARY_RC != 0)); then
    exit 1
fi
