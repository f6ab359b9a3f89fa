#!/usr/bin/env bash
# scripts/emulators/start.sh — install (if needed) and start the cloud-service emulators on loopback.
#
# usage: scripts/emulators/start.sh [TOOLS_DIR]          (default: .tools/emulators under the current folder)
#
# Installs into TOOLS_DIR/npm (npm --prefix, pinned versions) and, for Swift, Debian packages
# (needs root: apt-get). Writes configs/data/logs under TOOLS_DIR, starts every component on
# 127.0.0.1, waits until each answers, and records "name pid" lines in TOOLS_DIR/run/emulators.pids
# (scripts/emulators/stop.sh TOOLS_DIR stops exactly those PIDs). Also writes TOOLS_DIR/run/emulators.env
# with the endpoints, to be sourced by tests.
#
# Environment knobs (all optional):
#   EMU_COMPONENTS   space-separated subset of: s3rver s3rver_loose dynalite kinesalite sqslite azurite swift
#                    (default: all of them)
#   EMU_SKIP_INSTALL=1   never install, fail if something is missing
#   EMU_APT_CLIENTS=1    also apt-get install the client tools awscli python3-boto python3-botocore
#   EMU_READY_TIMEOUT    seconds to wait for each component (default 60)
#   ports: S3RVER_PORT(4568) S3RVER_LOOSE_PORT(4569) DYNALITE_PORT(4570) KINESALITE_PORT(4571)
#          SQSLITE_PORT(4572) AZURITE_BLOB_PORT(10000) AZURITE_QUEUE_PORT(10001) AZURITE_TABLE_PORT(10002)
#          SWIFT_PROXY_PORT(4580) SWIFT_OBJECT_PORT(4581) SWIFT_CONTAINER_PORT(4582)
#          SWIFT_ACCOUNT_PORT(4583) SWIFT_MEMCACHED_PORT(4584)
set -euo pipefail

TOOLS=${1:-.tools/emulators}
mkdir -p "$TOOLS"
TOOLS=$(cd "$TOOLS" && pwd)
HOST=127.0.0.1; export HOST
COMPONENTS=${EMU_COMPONENTS:-"s3rver s3rver_loose dynalite kinesalite sqslite azurite swift"}
READY_TIMEOUT=${EMU_READY_TIMEOUT:-60}

S3RVER_PORT=${S3RVER_PORT:-4568}
S3RVER_LOOSE_PORT=${S3RVER_LOOSE_PORT:-4569}
DYNALITE_PORT=${DYNALITE_PORT:-4570}
KINESALITE_PORT=${KINESALITE_PORT:-4571}
SQSLITE_PORT=${SQSLITE_PORT:-4572}
AZURITE_BLOB_PORT=${AZURITE_BLOB_PORT:-10000}
AZURITE_QUEUE_PORT=${AZURITE_QUEUE_PORT:-10001}
AZURITE_TABLE_PORT=${AZURITE_TABLE_PORT:-10002}
SWIFT_PROXY_PORT=${SWIFT_PROXY_PORT:-4580}
SWIFT_OBJECT_PORT=${SWIFT_OBJECT_PORT:-4581}
SWIFT_CONTAINER_PORT=${SWIFT_CONTAINER_PORT:-4582}
SWIFT_ACCOUNT_PORT=${SWIFT_ACCOUNT_PORT:-4583}
SWIFT_MEMCACHED_PORT=${SWIFT_MEMCACHED_PORT:-4584}

# Pinned versions. azurite 3.36+ needs Node >= 22; 3.35.0 is the newest that runs on Node 20.
NPM_PKGS="s3rver@3.7.1 azurite@3.35.0 dynalite@4.0.0 kinesalite@3.3.3 sqslite@2.1.1"
SWIFT_DEBS="swift swift-proxy swift-object swift-container swift-account memcached"
CLIENT_DEBS="awscli python3-boto python3-botocore"

RUN=$TOOLS/run; LOGS=$TOOLS/logs; DATA=$TOOLS/data
PIDFILE=$RUN/emulators.pids
mkdir -p "$RUN" "$LOGS"

log() { printf '[emulators %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
has() { case " $COMPONENTS " in *" $1 "*) return 0;; *) return 1;; esac; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN{printf "%.1f", b-a}'; }

if [ -s "$PIDFILE" ]; then
  for pid in $(awk '{print $2}' "$PIDFILE"); do
    if kill -0 "$pid" 2>/dev/null; then
      log "emulators already running (see $PIDFILE); run scripts/emulators/stop.sh first"; exit 1
    fi
  done
  rm -f "$PIDFILE"
fi

port_busy() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }
# answers: any HTTP status at all (000 = no connection)
http_up() { local c; c=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$1" || true); [ "$c" != "000" ] && [ -n "$c" ]; }

wait_until() {  # name launch-time timeout cmd...
  local name=$1 t0=$2 t=$3; shift 3
  local deadline=$(( $(date +%s) + t ))
  until "$@"; do
    if [ "$(date +%s)" -ge "$deadline" ]; then log "$name: not ready after ${t}s"; return 1; fi
    sleep 0.2
  done
  log "$name ready $(since "$t0")s after launch"
}

check_ports_free() {
  local p
  for p in "$@"; do
    if port_busy "$p"; then log "port $HOST:$p is already in use"; exit 1; fi
  done
}

record() { echo "$1 $2" >> "$PIDFILE"; }

# ---------------------------------------------------------------- install
need_npm=false
for c in s3rver s3rver_loose dynalite kinesalite sqslite azurite; do has $c && need_npm=true; done
if $need_npm; then
  missing=false
  for spec in $NPM_PKGS; do
    name=${spec%@*}; ver=${spec##*@}
    f=$TOOLS/npm/node_modules/$name/package.json
    if [ ! -f "$f" ] || [ "$(node -p "require('$f').version")" != "$ver" ]; then missing=true; fi
  done
  if $missing; then
    [ "${EMU_SKIP_INSTALL:-0}" = 1 ] && { log "npm packages missing and EMU_SKIP_INSTALL=1"; exit 1; }
    t0=$(now); log "npm install $NPM_PKGS"
    # npm 11 does not run install scripts of leveldown/classic-level (allowScripts); not needed:
    # both ship linux-x64 prebuilds, and the in-memory stores used here don't load them.
    npm install --prefix "$TOOLS/npm" --no-audit --no-fund --loglevel=error $NPM_PKGS > "$LOGS/npm-install.log" 2>&1 \
      || { cat "$LOGS/npm-install.log" >&2; exit 1; }
    log "npm install done in $(since "$t0")s"
  fi
fi

APT_UPDATED=false
apt_install() {
  [ "${EMU_SKIP_INSTALL:-0}" = 1 ] && { log "missing Debian packages ($*) and EMU_SKIP_INSTALL=1"; exit 1; }
  local SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  local t0; t0=$(now); log "apt-get install $*"
  # Wait for a dpkg/apt lock held by another job on the machine instead of failing at once.
  local lock=(-o DPkg::Lock::Timeout=300)
  # The package lists once per run (a fresh machine has none; a kept TOOLS_DIR says nothing about them).
  if ! $APT_UPDATED; then
    $SUDO apt-get "${lock[@]}" update -qq >> "$LOGS/apt.log" 2>&1 || { tail -20 "$LOGS/apt.log" >&2; exit 1; }
    APT_UPDATED=true
  fi
  # services shipped by the packages are not wanted; in a container without init they do not start
  # (invoke-rc.d: "could not determine current runlevel"). Our ports differ from the packaged defaults.
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get "${lock[@]}" install -y -qq --no-install-recommends "$@" >> "$LOGS/apt.log" 2>&1 \
    || { tail -20 "$LOGS/apt.log" >&2; exit 1; }
  log "apt-get install done in $(since "$t0")s"
}
# curl checks that every component answers (a minimal Debian image has none).
command -v curl >/dev/null || apt_install curl ca-certificates
if has swift; then
  if ! command -v swift-proxy-server >/dev/null || ! command -v swift-object-server >/dev/null \
     || ! command -v swift-container-server >/dev/null || ! command -v swift-account-server >/dev/null \
     || ! command -v memcached >/dev/null; then
    apt_install $SWIFT_DEBS
  fi
fi
if [ "${EMU_APT_CLIENTS:-0}" = 1 ] && { [ ! -x /usr/bin/aws ] || ! /usr/bin/python3 -c 'import boto, botocore' 2>/dev/null; }; then
  apt_install $CLIENT_DEBS
fi

swift_setup() {
  local ETC=$TOOLS/swift/etc SRV=$DATA/swift/srv ME
  ME=$(id -un)
  rm -rf "$ETC"; mkdir -p "$ETC" "$SRV/d1"
  cat > "$ETC/swift.conf" <<EOF
[swift-hash]
swift_hash_path_prefix = emulator-prefix
swift_hash_path_suffix = emulator-suffix
[storage-policy:0]
name = Policy-0
default = yes
[swift-constraints]
EOF
  local common="bind_ip = $HOST
workers = 0
user = $ME
swift_dir = $ETC
devices = $SRV
mount_check = false
log_level = INFO
log_udp_host = $HOST"
  local kind port
  for kind in object container account; do
    case $kind in object) port=$SWIFT_OBJECT_PORT;; container) port=$SWIFT_CONTAINER_PORT;; account) port=$SWIFT_ACCOUNT_PORT;; esac
    cat > "$ETC/$kind-server.conf" <<EOF
[DEFAULT]
bind_port = $port
$common
[pipeline:main]
pipeline = $kind-server
[app:$kind-server]
use = egg:swift#$kind
EOF
  done
  cat > "$ETC/proxy-server.conf" <<EOF
[DEFAULT]
bind_ip = $HOST
bind_port = $SWIFT_PROXY_PORT
workers = 0
user = $ME
swift_dir = $ETC
log_level = INFO
log_udp_host = $HOST
[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats bulk tempurl s3api tempauth copy slo dlo versioned_writes symlink proxy-logging proxy-server
[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true
allow_account_management = true
[filter:tempauth]
use = egg:swift#tempauth
# user_<account>_<user> = <key> [groups]; S3 (s3api) access key is "<account>:<user>", secret is <key>
user_admin_admin = admin .admin .reseller_admin
user_test_tester = testing .admin
user_test2_tester2 = testing2 .admin
[filter:s3api]
use = egg:swift#s3api
location = us-east-1
[filter:cache]
use = egg:swift#memcache
memcache_servers = $HOST:$SWIFT_MEMCACHED_PORT
[filter:catch_errors]
use = egg:swift#catch_errors
[filter:gatekeeper]
use = egg:swift#gatekeeper
[filter:healthcheck]
use = egg:swift#healthcheck
[filter:proxy-logging]
use = egg:swift#proxy_logging
[filter:listing_formats]
use = egg:swift#listing_formats
[filter:bulk]
use = egg:swift#bulk
[filter:tempurl]
use = egg:swift#tempurl
[filter:copy]
use = egg:swift#copy
[filter:slo]
use = egg:swift#slo
[filter:dlo]
use = egg:swift#dlo
[filter:versioned_writes]
use = egg:swift#versioned_writes
allow_versioned_writes = true
[filter:symlink]
use = egg:swift#symlink
EOF
  # rings: 2^6 partitions, 1 replica, 1 device each. Same as, per kind (object/container/account):
  #   swift-ring-builder K.builder create 6 1 1; swift-ring-builder K.builder add r1z1-127.0.0.1:PORT/d1 1;
  #   swift-ring-builder K.builder rebalance   (exits 1 with a warning on a 1-device ring)
  # but done in one Python process (9 CLI calls cost ~10 s on 2 cores).
  /usr/bin/python3 -I - "$ETC" "$HOST" "$SWIFT_OBJECT_PORT" "$SWIFT_CONTAINER_PORT" "$SWIFT_ACCOUNT_PORT" <<'PY'
import sys
from swift.common.ring import RingBuilder
etc, host = sys.argv[1], sys.argv[2]
for kind, port in zip(("object", "container", "account"), sys.argv[3:6]):
    rb = RingBuilder(6, 1, 1)
    rb.add_dev({"id": 0, "region": 1, "zone": 1, "ip": host, "port": int(port), "device": "d1", "weight": 1})
    rb.rebalance()
    rb.save(f"{etc}/{kind}.builder")
    rb.get_ring().save(f"{etc}/{kind}.ring.gz")
PY
}

# ---------------------------------------------------------------- start
# every port must be free before anything is launched
ports=""
has s3rver && ports+=" $S3RVER_PORT"
has s3rver_loose && ports+=" $S3RVER_LOOSE_PORT"
has dynalite && ports+=" $DYNALITE_PORT"
has kinesalite && ports+=" $KINESALITE_PORT"
has sqslite && ports+=" $SQSLITE_PORT"
has azurite && ports+=" $AZURITE_BLOB_PORT $AZURITE_QUEUE_PORT $AZURITE_TABLE_PORT"
has swift && ports+=" $SWIFT_PROXY_PORT $SWIFT_OBJECT_PORT $SWIFT_CONTAINER_PORT $SWIFT_ACCOUNT_PORT $SWIFT_MEMCACHED_PORT"
dups=$(tr ' ' '\n' <<< "$ports" | sed '/^$/d' | sort | uniq -d)
[ -z "$dups" ] || { log "the same port is configured twice: $dups"; exit 1; }
check_ports_free $ports

rm -rf "$DATA"; mkdir -p "$DATA"; rm -f "$RUN/emulators.env"
: > "$PIDFILE"
if has swift; then
  t0=$(now); swift_setup; log "swift config + rings in $(since "$t0")s"
fi
T_LAUNCH=$(now)
BIN=$TOOLS/npm/node_modules/.bin
declare -a WAITS=()

if has s3rver; then
  mkdir -p "$DATA/s3rver"
  # SigV4: access key id must be S3RVER, signature itself is NOT verified. SigV2: verified (buggy).
  # --openssl-legacy-provider: s3rver's ListObjectsV2 continuation tokens use DES, which Node 20's OpenSSL 3
  # refuses by default; without it every truncated ListObjectsV2 answers 500 InternalError.
  NODE_OPTIONS=--openssl-legacy-provider "$BIN/s3rver" -d "$DATA/s3rver" -a $HOST -p "$S3RVER_PORT" --silent > "$LOGS/s3rver.log" 2>&1 &
  record s3rver $!; WAITS+=("s3rver|$(now)|http_up http://$HOST:$S3RVER_PORT/")
fi
if has s3rver_loose; then
  mkdir -p "$DATA/s3rver-loose"
  # accepts any well-formed signature by a known key id (needed for boto 2 / SigV2 bucket-level calls)
  NODE_OPTIONS=--openssl-legacy-provider "$BIN/s3rver" -d "$DATA/s3rver-loose" -a $HOST -p "$S3RVER_LOOSE_PORT" --silent --allow-mismatched-signatures \
    > "$LOGS/s3rver_loose.log" 2>&1 &
  record s3rver_loose $!; WAITS+=("s3rver_loose|$(now)|http_up http://$HOST:$S3RVER_LOOSE_PORT/")
fi
if has dynalite; then
  "$BIN/dynalite" --host $HOST --port "$DYNALITE_PORT" --createTableMs 50 --deleteTableMs 50 --updateTableMs 50 \
    > "$LOGS/dynalite.log" 2>&1 &
  record dynalite $!; WAITS+=("dynalite|$(now)|http_up http://$HOST:$DYNALITE_PORT/")
fi
if has kinesalite; then
  # kinesalite's CLI has no --host (binds all interfaces); start it through its API on loopback.
  node -e "const s=require(process.argv[1])({createStreamMs:50,deleteStreamMs:50,updateStreamMs:50});
s.listen(+process.argv[2],process.argv[3],()=>console.log('kinesalite listening',s.address()))" \
    "$TOOLS/npm/node_modules/kinesalite" "$KINESALITE_PORT" $HOST > "$LOGS/kinesalite.log" 2>&1 &
  record kinesalite $!; WAITS+=("kinesalite|$(now)|http_up http://$HOST:$KINESALITE_PORT/")
fi
if has sqslite; then
  "$BIN/sqslite" --host $HOST --port "$SQSLITE_PORT" > "$LOGS/sqslite.log" 2>&1 &
  record sqslite $!; WAITS+=("sqslite|$(now)|http_up http://$HOST:$SQSLITE_PORT/")
fi
if has azurite; then
  # --disableTelemetry: otherwise azurite tries to reach an Application Insights host on the internet.
  # --inMemoryPersistence cannot be combined with --location.
  ( cd "$DATA" && exec "$BIN/azurite" --inMemoryPersistence --extentMemoryLimit 256 --disableTelemetry \
      --skipApiVersionCheck --loose --silent \
      --blobHost $HOST --blobPort "$AZURITE_BLOB_PORT" --queueHost $HOST --queuePort "$AZURITE_QUEUE_PORT" \
      --tableHost $HOST --tablePort "$AZURITE_TABLE_PORT" ) > "$LOGS/azurite.log" 2>&1 &
  record azurite $!
  WAITS+=("azurite|$(now)|http_up http://$HOST:$AZURITE_BLOB_PORT/ && http_up http://$HOST:$AZURITE_QUEUE_PORT/ && http_up http://$HOST:$AZURITE_TABLE_PORT/")
fi

if has swift; then
  swift_t0=$(now)
  memcached -l $HOST -p "$SWIFT_MEMCACHED_PORT" -U 0 -m 64 -u "$(id -un)" > "$LOGS/swift-memcached.log" 2>&1 &
  record swift_memcached $!
  for kind in object container account proxy; do
    # -v: also log to the console (there is no /dev/log here; syslog goes to UDP on loopback)
    "swift-$kind-server" "$TOOLS/swift/etc/$kind-server.conf" -v > "$LOGS/swift-$kind.log" 2>&1 &
    record "swift_$kind" $!
  done
  WAITS+=("swift|$swift_t0|port_busy $SWIFT_MEMCACHED_PORT && http_up http://$HOST:$SWIFT_OBJECT_PORT/ && http_up http://$HOST:$SWIFT_CONTAINER_PORT/ && http_up http://$HOST:$SWIFT_ACCOUNT_PORT/ && curl -sf -m 2 -o /dev/null http://$HOST:$SWIFT_PROXY_PORT/healthcheck && curl -sf -m 2 -o /dev/null -H 'X-Auth-User: test:tester' -H 'X-Auth-Key: testing' http://$HOST:$SWIFT_PROXY_PORT/auth/v1.0")
fi

# ---------------------------------------------------------------- readiness
failed=false
for w in "${WAITS[@]}"; do
  IFS='|' read -r name t0 cmd <<< "$w"
  wait_until "$name" "$t0" "$READY_TIMEOUT" bash -c "$(declare -f port_busy http_up); $cmd" || { failed=true; tail -20 "$LOGS/$name"*.log >&2 || true; }
done
# a process that died after binding would still be noticed here
while read -r name pid; do
  kill -0 "$pid" 2>/dev/null || { log "$name (pid $pid) is not running; see $LOGS"; failed=true; }
done < "$PIDFILE"
if $failed; then
  log "some emulators failed; stopping the ones that started"
  "$(dirname "$0")/stop.sh" "$TOOLS" || true
  exit 1
fi
log "all ready $(since "$T_LAUNCH")s after the first launch"

cat > "$RUN/emulators.env" <<EOF
# endpoints of the emulators started by scripts/emulators/start.sh (source this file)
EMU_S3RVER_URL=http://$HOST:$S3RVER_PORT            # key/secret S3RVER/S3RVER, path-style
EMU_S3RVER_LOOSE_URL=http://$HOST:$S3RVER_LOOSE_PORT
EMU_DYNAMODB_URL=http://$HOST:$DYNALITE_PORT
EMU_KINESIS_URL=http://$HOST:$KINESALITE_PORT
EMU_SQS_URL=http://localhost:$SQSLITE_PORT          # sqslite only matches queue URLs on http://localhost:PORT
EMU_AZURE_BLOB_URL=http://$HOST:$AZURITE_BLOB_PORT/devstoreaccount1
EMU_AZURE_QUEUE_URL=http://$HOST:$AZURITE_QUEUE_PORT/devstoreaccount1
EMU_AZURE_TABLE_URL=http://$HOST:$AZURITE_TABLE_PORT/devstoreaccount1
EMU_AZURE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://$HOST:$AZURITE_BLOB_PORT/devstoreaccount1;QueueEndpoint=http://$HOST:$AZURITE_QUEUE_PORT/devstoreaccount1;TableEndpoint=http://$HOST:$AZURITE_TABLE_PORT/devstoreaccount1;"
EMU_SWIFT_AUTH_URL=http://$HOST:$SWIFT_PROXY_PORT/auth/v1.0   # X-Auth-User test:tester, X-Auth-Key testing
EMU_SWIFT_S3_URL=http://$HOST:$SWIFT_PROXY_PORT               # s3api: key test:tester, secret testing (SigV4 verified)
EOF
cat "$PIDFILE"
