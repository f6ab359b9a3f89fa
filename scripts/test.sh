#!/usr/bin/env bash
# The test command (README and .ci/run run exactly this): restore and build, start the emulators the
# system tests use on 127.0.0.1, run every test, stop the emulators. Needs root (or sudo) only to
# apt-get install the emulators' Debian packages the first time.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
TOOLS=$ROOT/.tools/emulators
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Emulators for the system tests (see scripts/emulators/start.sh). STRATUS_EMULATORS=0 skips them
# (the system tests then skip and say why).
if [ "${STRATUS_EMULATORS:-1}" = 1 ]; then
  # EMU_APT_CLIENTS=1: also the AWS CLI, boto 2 and Debian's botocore (its query-protocol SQS model is used with sqslite).
  # azurite: Azure Blob Storage (verifies SharedKey), for Stratus.Azure and the portable storage suite.
  # swift: OpenStack Swift with s3api (Debian packages, apt-get the first time), the one S3 here that verifies
  # SigV4 and SigV2 signatures (tests/Stratus.Tests/Live/SwiftS3ApiTests.cs).
  EMU_APT_CLIENTS=1 EMU_COMPONENTS=${EMU_COMPONENTS:-"s3rver dynalite kinesalite sqslite swift azurite"} bash scripts/emulators/start.sh "$TOOLS"
  trap 'bash scripts/emulators/stop.sh "$TOOLS"' EXIT
  set -a; . "$TOOLS/run/emulators.env"; set +a
fi

mkdir -p "$ROOT/.tools"
dotnet build Stratus.slnx -c Release
set +e
dotnet test Stratus.slnx -c Release --no-build --logger "console;verbosity=normal" > "$ROOT/.tools/test.log" 2>&1
status=$?
set -e
# Every line but the passing tests' own (there are thousands).
grep -vE '^\s+Passed ' "$ROOT/.tools/test.log" || true
# dotnet test's own summaries, then the plain closing line CI reads (grep finds nothing when a count is 0).
count() { { grep -oE "$1: +[0-9]+" "$ROOT/.tools/test.log" || true; } | awk '{s+=$2} END {print s+0}'; }
passed=$(count Passed)
failed=$(count Failed)
skipped=$(count Skipped)
# Stop the emulators now (not in the exit trap) so the closing line is the last one printed.
if [ "${STRATUS_EMULATORS:-1}" = 1 ]; then
  trap - EXIT
  bash scripts/emulators/stop.sh "$TOOLS" 2>&1 || true
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
