#!/usr/bin/env bash
# The whole comparison in one command (see bench/README.md): build, publish the start-up apps (JIT and Native
# AOT), run the microbenchmarks, run the end-to-end harness, write bench/RESULTS.md. About 12 minutes on a
# quiet 2-core machine. --quick: tiny counts, to check that everything works (not a measurement).
#   bench/run.sh [--quick] [--label "text shown at the top of RESULTS.md"] [--out path]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=$ROOT/bench/.out
RESULTS=$ROOT/bench/RESULTS.md
QUICK=0
LABEL=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --label) LABEL=$2; shift ;;
    --out) RESULTS=$2; shift ;;
    *) echo "usage: bench/run.sh [--quick] [--label text] [--out path]" >&2; exit 2 ;;
  esac
  shift
done
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
START=$(date +%s)
step() { echo "== [$(( $(date +%s) - START ))s] $*"; }
rm -rf "$OUT" && mkdir -p "$OUT/startup"

step "build (Release)"
dotnet build bench/Stratus.Bench.Harness -c Release -v quiet -nologo
dotnet build bench/Stratus.Bench -c Release -v quiet -nologo

# Native AOT needs clang (any version) and the ILCompiler package from NuGet; install clang if it is missing and we can.
CLANG=$(command -v clang || ls /usr/bin/clang-[0-9]* 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$CLANG" ] && [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
  step "installing clang for Native AOT"
  (apt-get update -qq && apt-get install -y -qq clang > /dev/null) || true
  CLANG=$(command -v clang || true)
fi

step "publish the start-up apps"
MANIFEST=$OUT/startup/manifest.txt
: > "$MANIFEST"
for pair in floor:Floor Stratus:Stratus "AWS SDK:AwsSdk"; do
  client=${pair%%:*}; project=Stratus.Bench.Startup.${pair##*:}
  dir=$OUT/startup/$project-jit
  dotnet publish "bench/$project" -c Release -v quiet -nologo -o "$dir" > "$dir.log" 2>&1 \
    && echo "$client|JIT|$dir/$project|$dir" >> "$MANIFEST" \
    || echo "$client|JIT|!|publish failed: $(grep -m1 -E 'error' "$dir.log" | cut -c1-300)" >> "$MANIFEST"
  dir=$OUT/startup/$project-aot
  if [ -z "$CLANG" ]; then
    echo "$client|AOT|!|no clang on this machine (Native AOT links with clang)" >> "$MANIFEST"
  elif dotnet publish "bench/$project" -c Release -v quiet -nologo -p:StartupAot=true -p:CppCompilerAndLinker="$CLANG" -o "$dir" > "$dir.log" 2>&1; then
    echo "$client|AOT|$dir/$project|$dir/$project" >> "$MANIFEST"
    warnings=$(grep -oE '(warning|error) IL[0-9]+' "$dir.log" | sort -u | tr '\n' ' ' || true)
    [ -n "$warnings" ] && echo "  $client AOT publish warnings: $warnings"
  else
    echo "$client|AOT|!|AOT publish failed: $(grep -m1 -E 'error' "$dir.log" | cut -c1-300)" >> "$MANIFEST"
  fi
done
cat "$MANIFEST"

step "microbenchmarks (BenchmarkDotNet)"
JOB=short; [ "$QUICK" = 1 ] && JOB=dry
dotnet bench/Stratus.Bench/bin/Release/net10.0/Stratus.Bench.dll --filter '*' --job "$JOB" --inProcess \
  --exporters github --artifacts "$OUT/bdn" > "$OUT/bdn.log" 2>&1 || { tail -40 "$OUT/bdn.log"; exit 1; }
grep -E '^\|' "$OUT/bdn.log" || true

step "end to end (harness)"
ARGS=(--out "$RESULTS" --startup "$MANIFEST" --micro "$OUT/bdn/results"
  --endpoint bench/Stratus.Bench.Endpoint/bin/Release/net10.0/Stratus.Bench.Endpoint.dll
  --commit "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (with local changes in src/)')")
[ "$QUICK" = 1 ] && ARGS+=(--quick)
[ -n "$LABEL" ] && ARGS+=(--label "$LABEL")
dotnet bench/Stratus.Bench.Harness/bin/Release/net10.0/Stratus.Bench.Harness.dll "${ARGS[@]}"
step "done: $RESULTS"
