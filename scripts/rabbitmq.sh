#!/usr/bin/env bash
# Private, throw-away RabbitMQ node for tests and local development.
#
#   scripts/rabbitmq.sh start <dir>   start a node whose data and logs live under <dir>,
#                                     write its AMQP URI to <dir>/amqp-uri and print it
#   scripts/rabbitmq.sh stop <dir>    stop that node (and its own epmd), nothing else
#   scripts/rabbitmq.sh status <dir>  exit 0 when the node of <dir> is running
#   scripts/rabbitmq.sh restart <dir> stop the node and start it again on the same ports with its data
#                                     (durable queues and persistent messages survive), as a broker restart does
#
# Every node gets its own free loopback ports (AMQP, Erlang distribution, epmd), its own
# Erlang cookie and its own epmd, so several nodes (e.g. parallel test runs) never meet.
# Everything binds to 127.0.0.1. Each start begins with an empty broker (fresh mnesia).
# When rabbitmq-server is missing it is installed with apt-get (root, or sudo -n).
#
# Environment: RABBITMQ_START_TIMEOUT (seconds, default 90).
set -euo pipefail

readonly RMQ_LIB_BIN=/usr/lib/rabbitmq/bin
readonly START_TIMEOUT="${RABBITMQ_START_TIMEOUT:-90}"

log() { printf 'rabbitmq.sh: %s\n' "$*" >&2; }
die() { printf 'rabbitmq.sh: error: %s\n' "$*" >&2; exit 1; }

usage() {
    printf 'usage: %s start|stop|status|restart <dir>\n' "$0" >&2
    exit 2
}

is_root() { [[ "$(id -u)" == 0 ]]; }

# ---------------------------------------------------------------------------------------------
# Installation

rabbitmq_installed() {
    [[ -x "$RMQ_LIB_BIN/rabbitmq-server" && -x "$RMQ_LIB_BIN/rabbitmqctl" ]]
}

ensure_installed() {
    rabbitmq_installed && return 0
    local sudo=()
    if ! is_root; then
        if ! { command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; }; then
            die "rabbitmq-server is not installed and this user cannot install it (need root or passwordless sudo): apt-get install rabbitmq-server"
        fi
        sudo=(sudo -n)
    fi
    command -v apt-get >/dev/null 2>&1 || die "rabbitmq-server is not installed and apt-get is not available"
    # Parallel starts must not run apt-get twice at once.
    local lock=/tmp/esf-rabbitmq-apt.lock
    exec 8>>"$lock"
    flock -w 900 8 || die "timed out waiting for $lock"
    if ! rabbitmq_installed; then
        log "rabbitmq-server not found: installing it with apt-get (this happens once per machine)"
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
            || die "apt-get update failed"
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            -o DPkg::Lock::Timeout=600 rabbitmq-server >&2 \
            || die "apt-get install rabbitmq-server failed"
    fi
    flock -u 8
    exec 8>&-
    rabbitmq_installed || die "rabbitmq-server still not found in $RMQ_LIB_BIN after installing it"
}

# ---------------------------------------------------------------------------------------------
# Ports

# Prints every local TCP port in use (any state, IPv4 and IPv6), one per line.
used_ports() {
    local file local_addr
    for file in /proc/net/tcp /proc/net/tcp6; do
        [[ -r "$file" ]] || continue
        while read -r _ local_addr _; do
            [[ "$local_addr" == *:* ]] || continue
            printf '%d\n' "0x${local_addr##*:}"
        done < <(tail -n +2 "$file")
    done
}

# Picks N distinct free ports in 20000..31999, below Linux's ephemeral range (32768+), so
# outgoing connections and OS-assigned ports (e.g. PostgreSQL's private cluster) never take them.
pick_ports() {
    local count="$1" used port picked=() p dup
    used=" $(used_ports | tr '\n' ' ') "
    while ((${#picked[@]} < count)); do
        port=$((20000 + (RANDOM * 32768 + RANDOM) % 12000))
        [[ "$used" == *" $port "* ]] && continue
        dup=0
        for p in "${picked[@]}"; do [[ "$p" == "$port" ]] && dup=1; done
        ((dup)) && continue
        picked+=("$port")
    done
    printf '%s\n' "${picked[@]}"
}

port_open() {
    # bash's /dev/tcp: succeeds when something accepts connections on 127.0.0.1:$1.
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# ---------------------------------------------------------------------------------------------
# Node state

# Sets the globals describing the node of directory $1.
load_layout() {
    DIR="$1"
    STATE_FILE="$DIR/node.env"
    PID_FILE="$DIR/rabbit.pid"
    URI_FILE="$DIR/amqp-uri"
    HOME_DIR="$DIR/home"
    RUN_AS=""
    if is_root && id -u rabbitmq >/dev/null 2>&1; then RUN_AS=rabbitmq; fi
}

# Sets NODE_CMD: the prefix that runs a command as the node's user (rabbitmq when we are
# root) with the node's environment.
node_cmd() {
    local envs=(
        "HOME=$HOME_DIR"
        "RABBITMQ_CONF_ENV_FILE=$DIR/rabbitmq-env.conf"
        "RABBITMQ_NODENAME=$NODENAME"
        "ERL_EPMD_PORT=$EPMD_PORT"
        "ERL_EPMD_ADDRESS=127.0.0.1"
        "ESF_RABBITMQ_DIR=$DIR"
        "PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin:${PATH:-}"
    )
    if [[ -n "$RUN_AS" ]]; then
        NODE_CMD=(runuser -u "$RUN_AS" -- env "${envs[@]}")
    else
        NODE_CMD=(env "${envs[@]}")
    fi
}

as_node_user() {
    node_cmd
    (cd "$DIR" && "${NODE_CMD[@]}" "$@")
}

ctl() {
    as_node_user timeout 120 "$RMQ_LIB_BIN/rabbitmqctl" -n "$NODENAME" "$@"
}

read_state() {
    [[ -f "$STATE_FILE" ]] || return 1
    NODENAME="$(sed -n 's/^NODENAME=//p' "$STATE_FILE")"
    AMQP_PORT="$(sed -n 's/^AMQP_PORT=//p' "$STATE_FILE")"
    DIST_PORT="$(sed -n 's/^DIST_PORT=//p' "$STATE_FILE")"
    EPMD_PORT="$(sed -n 's/^EPMD_PORT=//p' "$STATE_FILE")"
    local saved_run_as
    saved_run_as="$(sed -n 's/^RUN_AS=//p' "$STATE_FILE")"
    if is_root; then RUN_AS="$saved_run_as"; fi
    [[ -n "$NODENAME" && -n "$AMQP_PORT" && -n "$EPMD_PORT" ]]
}

node_pid() {
    local pid
    [[ -f "$PID_FILE" ]] || return 1
    pid="$(tr -dc '0-9' <"$PID_FILE")"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && printf '%s\n' "$pid"
}

# Prints the pids of processes started for directory $DIR (beam, epmd, erl helpers): they carry
# ESF_RABBITMQ_DIR=$DIR in their environment. Precise, so it never touches other nodes.
our_pids() {
    local environ pid marker="ESF_RABBITMQ_DIR=$DIR"
    for environ in /proc/[0-9]*/environ; do
        pid="${environ#/proc/}"
        pid="${pid%/environ}"
        [[ "$pid" == "$$" || "$pid" == "$BASHPID" ]] && continue
        if { tr '\0' '\n' <"$environ"; } 2>/dev/null | grep -qxF -- "$marker"; then
            printf '%s\n' "$pid"
        fi
    done
}

is_running() {
    read_state || return 1
    node_pid >/dev/null || return 1
    port_open "$AMQP_PORT"
}

# ---------------------------------------------------------------------------------------------
# start

write_config() {
    mkdir -p "$DIR/mnesia" "$DIR/log" "$HOME_DIR"
    : >"$DIR/rabbitmq-env.conf"            # do not read /etc/rabbitmq/rabbitmq-env.conf
    printf '[].\n' >"$DIR/enabled_plugins" # no plugins: starts in a few seconds
    cat >"$DIR/rabbitmq.conf" <<EOF
listeners.tcp.1 = 127.0.0.1:$AMQP_PORT
loopback_users.guest = true
disk_free_limit.absolute = 10MB
log.console = false
log.file.level = info
EOF
    if [[ ! -s "$HOME_DIR/.erlang.cookie" ]]; then
        (umask 077 && head -c 48 /dev/urandom | od -An -tx1 | tr -dc '0-9a-f' | head -c 40 >"$HOME_DIR/.erlang.cookie")
    fi
    chmod 400 "$HOME_DIR/.erlang.cookie"
    {
        printf 'NODENAME=%s\n' "$NODENAME"
        printf 'AMQP_PORT=%s\n' "$AMQP_PORT"
        printf 'DIST_PORT=%s\n' "$DIST_PORT"
        printf 'EPMD_PORT=%s\n' "$EPMD_PORT"
        printf 'RUN_AS=%s\n' "$RUN_AS"
    } >"$STATE_FILE"
    if [[ -n "$RUN_AS" ]]; then chown -R "$RUN_AS:" "$DIR"; fi
}

# Launches the node in the background (own session, no terminal) and sets LAUNCHER_PID.
launch() {
    local erl_args="-kernel inet_dist_use_interface {127,0,0,1}"
    local envs=(
        "RABBITMQ_CONFIG_FILE=$DIR/rabbitmq.conf"
        "RABBITMQ_ADVANCED_CONFIG_FILE=$DIR/advanced.config"
        "RABBITMQ_MNESIA_BASE=$DIR/mnesia"
        "RABBITMQ_LOG_BASE=$DIR/log"
        "RABBITMQ_FEATURE_FLAGS_FILE=$DIR/feature_flags"
        "RABBITMQ_ENABLED_PLUGINS_FILE=$DIR/enabled_plugins"
        "RABBITMQ_PID_FILE=$PID_FILE"
        "RABBITMQ_NODE_IP_ADDRESS=127.0.0.1"
        "RABBITMQ_NODE_PORT=$AMQP_PORT"
        "RABBITMQ_DIST_PORT=$DIST_PORT"
        "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=$erl_args"
    )
    node_cmd
    # setsid: the node gets its own session, so a Ctrl-C of the caller does not reach it.
    (cd "$DIR" && exec setsid "${NODE_CMD[@]}" "${envs[@]}" "$RMQ_LIB_BIN/rabbitmq-server") \
        >"$DIR/startup.log" 2>&1 </dev/null &
    LAUNCHER_PID=$!
}

# Waits for the node launched last; returns 0 when ready, 1 when it died, 2 on timeout.
wait_ready() {
    local deadline=$((SECONDS + START_TIMEOUT)) left
    while ((SECONDS < deadline)); do
        if ! kill -0 "$LAUNCHER_PID" 2>/dev/null; then
            return 1
        fi
        if port_open "$AMQP_PORT"; then
            # The listener opens near the end of boot; let the node confirm it finished.
            left=$((deadline - SECONDS))
            ((left >= 5)) || left=5
            if ctl -q await_startup --timeout "$left" >/dev/null 2>&1; then
                return 0
            fi
        fi
        sleep 0.25
    done
    return 2
}

show_logs() {
    local f
    for f in "$DIR/startup.log" "$DIR/log/$NODENAME.log"; do
        [[ -s "$f" ]] || continue
        log "---- last lines of $f ----"
        tail -n 30 "$f" >&2 || true
    done
}

cmd_start() {
    ensure_installed
    mkdir -p "$1"
    load_layout "$(cd "$1" && pwd -P)"

    if is_running; then
        log "node $NODENAME already running for $DIR (AMQP port $AMQP_PORT)"
        write_uri
        cat "$URI_FILE"
        return 0
    fi
    # Left-overs of a node that died: make sure nothing of ours still runs.
    if read_state 2>/dev/null; then stop_node quiet; fi

    if [[ -n "$RUN_AS" ]] && ! runuser -u "$RUN_AS" -- test -x "$DIR"; then
        log "user $RUN_AS cannot reach $DIR (a parent folder is private); running the node as $(id -un)"
        RUN_AS=""
    fi

    local hash attempt started=$SECONDS ports rc=0
    hash="$(printf '%s' "$DIR" | cksum | cut -d' ' -f1)"
    NODENAME="esf-$hash@localhost"
    for attempt in 1 2 3; do
        mapfile -t ports < <(pick_ports 3)
        AMQP_PORT="${ports[0]}"
        DIST_PORT="${ports[1]}"
        EPMD_PORT="${ports[2]}"
        # Each start is a clean broker: no queues or messages from a previous run.
        rm -rf "$DIR/mnesia" "$DIR/log" "$DIR/feature_flags" "$PID_FILE" "$URI_FILE"
        write_config
        log "starting node $NODENAME on 127.0.0.1:$AMQP_PORT (dist $DIST_PORT, epmd $EPMD_PORT) in $DIR"
        launch
        rc=0
        wait_ready || rc=$?
        if ((rc == 0)); then
            write_uri
            log "ready after $((SECONDS - started))s: $(cat "$URI_FILE")"
            cat "$URI_FILE"
            return 0
        fi
        if ((rc == 2)); then
            show_logs
            stop_node quiet
            die "node $NODENAME did not accept connections within ${START_TIMEOUT}s (logs above, under $DIR)"
        fi
        # The node died. A port taken between picking and binding is worth another try.
        if grep -qsiE 'eaddrinuse|address already in use|already registered|could not bind|listen failed' \
            "$DIR/startup.log" "$DIR/log/$NODENAME.log" && ((attempt < 3)); then
            log "port clash on attempt $attempt, retrying with other ports"
            stop_node quiet
            continue
        fi
        show_logs
        stop_node quiet
        die "node $NODENAME exited during startup (logs above, under $DIR)"
    done
    die "could not start node $NODENAME after 3 attempts"
}

write_uri() {
    local tmp="$URI_FILE.tmp"
    printf 'amqp://guest:guest@127.0.0.1:%s/\n' "$AMQP_PORT" >"$tmp"
    mv -f "$tmp" "$URI_FILE"
}

# ---------------------------------------------------------------------------------------------
# stop

# Stops the node of $DIR (state already loaded) and its epmd; "quiet" suppresses progress logs.
stop_node() {
    local quiet="${1:-}" pid pids i
    if pid="$(node_pid)"; then
        [[ -n "$quiet" ]] || log "stopping node $NODENAME (pid $pid)"
        ctl -q stop "$PID_FILE" >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
        for ((i = 0; i < 100; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
    fi
    # epmd refuses -kill while nodes are registered; after the node is gone it obeys.
    if [[ -n "${EPMD_PORT:-}" ]]; then
        as_node_user epmd -port "$EPMD_PORT" -kill >/dev/null 2>&1 || true
    fi
    # Whatever of ours is still alive (beam, epmd, a stuck launcher): TERM, then KILL.
    mapfile -t pids < <(our_pids)
    if ((${#pids[@]})); then
        kill -TERM "${pids[@]}" 2>/dev/null || true
        for ((i = 0; i < 50; i++)); do
            mapfile -t pids < <(our_pids)
            ((${#pids[@]})) || break
            sleep 0.1
        done
        if ((${#pids[@]})); then kill -KILL "${pids[@]}" 2>/dev/null || true; fi
    fi
    rm -f "$PID_FILE" "$URI_FILE"
}

cmd_stop() {
    [[ -d "$1" ]] || { log "nothing to stop: $1 does not exist"; return 0; }
    load_layout "$(cd "$1" && pwd -P)"
    if ! read_state; then
        log "nothing to stop: no node state in $DIR"
        return 0
    fi
    stop_node
    log "stopped node $NODENAME"
}

cmd_restart() {
    [[ -d "$1" ]] || die "nothing to restart: $1 does not exist"
    load_layout "$(cd "$1" && pwd -P)"
    read_state || die "nothing to restart: no node state in $DIR"
    stop_node
    # Same ports and same mnesia: clients reconnect to the URI they had and find their queues.
    write_config
    launch
    local rc=0
    wait_ready || rc=$?
    if ((rc != 0)); then
        show_logs
        stop_node quiet
        die "node $NODENAME did not come back after the restart (logs above, under $DIR)"
    fi
    write_uri
    log "restarted node $NODENAME on 127.0.0.1:$AMQP_PORT"
    cat "$URI_FILE"
}

cmd_status() {
    [[ -d "$1" ]] || return 1
    load_layout "$(cd "$1" && pwd -P)"
    if is_running; then
        printf 'running: %s amqp://guest:guest@127.0.0.1:%s/\n' "$NODENAME" "$AMQP_PORT"
        return 0
    fi
    printf 'not running\n'
    return 1
}

main() {
    (($# == 2)) || usage
    [[ -n "$2" ]] || usage
    case "$1" in
        start) cmd_start "$2" ;;
        stop) cmd_stop "$2" ;;
        status) cmd_status "$2" ;;
        restart) cmd_restart "$2" ;;
        *) usage ;;
    esac
}

main "$@"
