#!/usr/bin/env bash
# scripts/emulators/stop.sh — stop exactly the processes that scripts/emulators/start.sh recorded.
# usage: scripts/emulators/stop.sh [TOOLS_DIR]   (default: .tools/emulators under the current folder)
# Sends SIGTERM to each recorded PID (only if that PID still runs the program it was started as),
# waits up to 10 s, then SIGKILLs the ones still alive. Never kills by name.
set -uo pipefail
TOOLS=${1:-.tools/emulators}
PIDFILE=$TOOLS/run/emulators.pids
[ -s "$PIDFILE" ] || { echo "[emulators] nothing to stop ($PIDFILE missing or empty)" >&2; exit 0; }

# expected program per component name, to guard against a recycled PID
expect() { case $1 in swift_memcached) echo memcached;; swift_*) echo "swift-${1#swift_}-server";; *) echo node;; esac; }
alive=()
while read -r name pid; do
  [ -n "${pid:-}" ] || continue
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$(expect "$name")"; then
    kill -TERM "$pid" 2>/dev/null && alive+=("$name:$pid")
  fi
done < "$PIDFILE"
for i in $(seq 1 50); do
  left=()
  for np in "${alive[@]}"; do kill -0 "${np#*:}" 2>/dev/null && left+=("$np"); done
  [ ${#left[@]} -eq 0 ] && break
  sleep 0.2
done
for np in "${left[@]}"; do echo "[emulators] ${np%%:*} (pid ${np#*:}) ignored SIGTERM; SIGKILL" >&2; kill -KILL "${np#*:}" 2>/dev/null; done
echo "[emulators] stopped: ${alive[*]:-none}" >&2
rm -f "$PIDFILE"
