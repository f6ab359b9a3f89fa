#!/usr/bin/env bash
# scripts/measure-storage-cp.sh — measures a cross-provider `stratus storage cp` of one large object, from OpenStack
# Swift (native API, swift://) to Azure Blob Storage (azurite, az://): throughput (MiB/s) and the CLI's peak memory.
#
# usage: scripts/measure-storage-cp.sh [SIZE_MIB]          (default 1024: a 1 GiB object)
#
# What it does: builds the CLI (Release) once; creates a container on each side; streams SIZE_MIB of random bytes
# into swift://C/big.bin with `stratus storage cp - ...` (no file on disk; its MD5 is taken on the way); then times
#   stratus storage cp swift://C/big.bin az://C/big.bin
# under /usr/bin/time -v (peak RSS = "Maximum resident set size"); checks the size on Azure and (VERIFY=1) the MD5 of
# the copy read back; removes the objects and containers whatever happens.
#
# Endpoints come from the emulators' env file (scripts/emulators/start.sh writes it):
#   EMULATORS_ENV   default: .tools/emulators/run/emulators.env in this repo
#   Swift: EMU_SWIFT_AUTH_URL (TempAuth v1.0), passed as the swift client's ST_AUTH / ST_USER / ST_KEY
#          (SWIFT_USER, SWIFT_KEY: default test:tester / testing).
#   Azure: AZURITE=private (default) starts a private azurite (blob only, disk-backed, on AZURITE_PORT, default 10100)
#          in a temporary folder and stops it at the end: the shared one runs --inMemoryPersistence
#          --extentMemoryLimit 256, which cannot hold a 1 GiB blob. AZURITE=shared uses EMU_AZURE_CONNECTION_STRING.
# Other knobs: VERIFY=0 skips the read-back MD5 (saves a second 1 GiB transfer); EXTRA_ARGS are added to every
# stratus storage command (for example "--setting auth-url=..." or "--part-size 16 --concurrency 8").
set -euo pipefail

SIZE_MIB=${1:-1024}
VERIFY=${VERIFY:-1}
AZURITE=${AZURITE:-private}
AZURITE_PORT=${AZURITE_PORT:-10100}
SWIFT_USER=${SWIFT_USER:-test:tester}
SWIFT_KEY=${SWIFT_KEY:-testing}
read -r -a EXTRA <<< "${EXTRA_ARGS:-}"

ROOT=$(cd "$(dirname "$0")/.." && pwd)
log() { printf '[measure %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }
now() { date +%s.%N; }

ENV_FILE=${EMULATORS_ENV:-}
if [ -z "$ENV_FILE" ]; then
  for f in "$ROOT/.tools/emulators/run/emulators.env"; do
    [ -f "$f" ] && { ENV_FILE=$f; break; }
  done
fi
[ -n "$ENV_FILE" ] && [ -f "$ENV_FILE" ] || die "no emulators.env (start them with scripts/emulators/start.sh, or set EMULATORS_ENV)"
set -a; . "$ENV_FILE"; set +a
[ -n "${EMU_SWIFT_AUTH_URL:-}" ] || die "EMU_SWIFT_AUTH_URL is not set in $ENV_FILE (is swift among the emulators?)"
curl -s -o /dev/null "$EMU_SWIFT_AUTH_URL" || die "Swift does not answer at $EMU_SWIFT_AUTH_URL"

TMP=$(mktemp -d /tmp/measure-storage-cp.XXXXXX)
CONTAINER="measure-$(date +%s)-$$"
AZURITE_PID=""
STRATUS_DLL="$ROOT/src/Stratus.Cli/bin/Release/net10.0/Stratus.Cli.dll"
stratus() { dotnet "$STRATUS_DLL" storage "$@" "${EXTRA[@]}"; }

cleanup() {
  set +e
  if [ -f "$STRATUS_DLL" ]; then
    stratus rb "swift://$CONTAINER" --force --only-show-errors >/dev/null 2>&1
    # The Swift store keeps a large object's segments in a container of their own (<container>_segments).
    stratus rb "swift://${CONTAINER}_segments" --force --only-show-errors >/dev/null 2>&1
    stratus rb "az://$CONTAINER" --force --only-show-errors >/dev/null 2>&1
  fi
  if [ -n "$AZURITE_PID" ]; then
    kill "$AZURITE_PID" 2>/dev/null; wait "$AZURITE_PID" 2>/dev/null
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Swift: the swift client's own environment variables (TempAuth v1.0).
export ST_AUTH="$EMU_SWIFT_AUTH_URL" ST_USER="$SWIFT_USER" ST_KEY="$SWIFT_KEY"
unset OS_AUTH_URL OS_USERNAME OS_PASSWORD OS_PROJECT_NAME OS_STORAGE_URL OS_AUTH_TOKEN 2>/dev/null || true

# Azure.
if [ "$AZURITE" = private ]; then
  BIN=""
  for d in "$(dirname "$ENV_FILE")/../npm/node_modules/.bin" "$ROOT/.tools/emulators/npm/node_modules/.bin"; do
    [ -x "$d/azurite-blob" ] && { BIN=$d; break; }
  done
  [ -n "$BIN" ] || die "azurite-blob not found (npm install --prefix .tools/emulators/npm azurite@3.35.0), or run with AZURITE=shared"
  if curl -s -o /dev/null "http://127.0.0.1:$AZURITE_PORT/"; then die "port $AZURITE_PORT is taken: set AZURITE_PORT"; fi
  mkdir -p "$TMP/azurite"
  ( cd "$TMP/azurite" && exec "$BIN/azurite-blob" --location "$TMP/azurite" --blobHost 127.0.0.1 --blobPort "$AZURITE_PORT" \
      --disableTelemetry --skipApiVersionCheck --loose --silent ) > "$TMP/azurite.log" 2>&1 &
  AZURITE_PID=$!
  for _ in $(seq 1 120); do
    curl -s -o /dev/null "http://127.0.0.1:$AZURITE_PORT/" && break
    kill -0 "$AZURITE_PID" 2>/dev/null || die "azurite did not start: $(tail -5 "$TMP/azurite.log")"
    sleep 0.5
  done
  curl -s -o /dev/null "http://127.0.0.1:$AZURITE_PORT/" || die "azurite does not answer on port $AZURITE_PORT"
  # The well-known development account key (public; azurite's default account).
  AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$AZURITE_PORT/devstoreaccount1;"
  log "private azurite (disk-backed) on port $AZURITE_PORT"
else
  [ -n "${EMU_AZURE_CONNECTION_STRING:-}" ] || die "EMU_AZURE_CONNECTION_STRING is not set in $ENV_FILE"
  AZURE_STORAGE_CONNECTION_STRING=$EMU_AZURE_CONNECTION_STRING
  [ "$SIZE_MIB" -le 200 ] || log "warning: the shared azurite keeps at most 256 MB in memory; $SIZE_MIB MiB may not fit"
fi
export AZURE_STORAGE_CONNECTION_STRING

# Peak memory: /usr/bin/time -v, installed if missing (as root), else VmHWM polled from /proc.
TIME_BIN=/usr/bin/time
if [ ! -x "$TIME_BIN" ] && [ "$(id -u)" = 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends time >/dev/null 2>&1 || true
fi

log "building the CLI (Release)"
dotnet build "$ROOT/src/Stratus.Cli" -c Release -nologo -v q >"$TMP/build.log" 2>&1 || { tail -20 "$TMP/build.log" >&2; die "build failed"; }
[ -f "$STRATUS_DLL" ] || die "$STRATUS_DLL is missing after the build"

BYTES=$((SIZE_MIB * 1024 * 1024))
log "containers swift://$CONTAINER and az://$CONTAINER"
stratus mb "swift://$CONTAINER" >/dev/null
stratus mb "az://$CONTAINER" >/dev/null

log "creating swift://$CONTAINER/big.bin ($SIZE_MIB MiB of random bytes, streamed from stdin)"
start=$(now)
head -c "$BYTES" /dev/urandom | tee >(md5sum | cut -d' ' -f1 > "$TMP/source.md5") | stratus cp - "swift://$CONTAINER/big.bin" --only-show-errors
up=$(awk -v a="$start" -v b="$(now)" 'BEGIN{printf "%.2f", b-a}')
# The md5sum behind tee may finish a moment after the pipeline.
for _ in $(seq 1 300); do [ -s "$TMP/source.md5" ] && break; sleep 0.1; done

COMMAND=(dotnet "$STRATUS_DLL" storage cp "swift://$CONTAINER/big.bin" "az://$CONTAINER/big.bin" "${EXTRA[@]}")
log "measuring: stratus storage cp swift://$CONTAINER/big.bin az://$CONTAINER/big.bin ${EXTRA[*]}"
start=$(now)
if [ -x "$TIME_BIN" ]; then
  "$TIME_BIN" -v -o "$TMP/time.txt" "${COMMAND[@]}" > "$TMP/cp.out"
  elapsed=$(awk -v a="$start" -v b="$(now)" 'BEGIN{printf "%.2f", b-a}')
  peak_kib=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$TMP/time.txt")
  how="/usr/bin/time -v"
else
  "${COMMAND[@]}" > "$TMP/cp.out" &
  pid=$!
  peak_kib=0
  while kill -0 "$pid" 2>/dev/null; do
    hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ "${hwm:-0}" -gt "$peak_kib" ] && peak_kib=$hwm
    sleep 0.1
  done
  wait "$pid"
  elapsed=$(awk -v a="$start" -v b="$(now)" 'BEGIN{printf "%.2f", b-a}')
  how="VmHWM polled every 0.1 s"
fi
cat "$TMP/cp.out" >&2

size=$(stratus ls "az://$CONTAINER/big.bin" | awk '{print $(NF-1)}')
[ "$size" = "$BYTES" ] || die "az://$CONTAINER/big.bin has $size bytes, expected $BYTES"
check="size checked"
if [ "$VERIFY" = 1 ]; then
  got=$(stratus cp "az://$CONTAINER/big.bin" - | md5sum | cut -d' ' -f1)
  [ "$got" = "$(cat "$TMP/source.md5")" ] || die "MD5 differs: source $(cat "$TMP/source.md5"), copy $got"
  check="size and MD5 checked"
fi

awk -v mib="$SIZE_MIB" -v s="$elapsed" -v kib="$peak_kib" -v up="$up" -v how="$how" -v check="$check" 'BEGIN {
  printf "object:      %d MiB, swift:// (native, TempAuth) -> az:// (azurite), %s\n", mib, check
  printf "elapsed:     %.2f s (process start to exit, build excluded)\n", s
  printf "throughput:  %.1f MiB/s\n", mib / s
  printf "peak RSS:    %.1f MiB (%s)\n", kib / 1024, how
  printf "setup:       upload to Swift from stdin took %.2f s (%.1f MiB/s)\n", up, mib / up
}'
echo "command:     stratus storage cp swift://$CONTAINER/big.bin az://$CONTAINER/big.bin ${EXTRA[*]}"
