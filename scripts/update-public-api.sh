#!/usr/bin/env bash
# Regenerates each library's PublicAPI.Unshipped.txt from the code (the public API is tracked in
# checked-in files; a build fails with RS0016/RS0017 when the code and the files disagree). Run it after
# a deliberate API change and review the diff.
set -euo pipefail
cd "$(dirname "$0")/.."
for proj in src/Stratus/Stratus.csproj src/Stratus.AwsModels/Stratus.AwsModels.csproj src/Stratus.Testing/Stratus.Testing.csproj; do
  dir=$(dirname "$proj")
  [ -f "$dir/PublicAPI.Shipped.txt" ] || echo "#nullable enable" > "$dir/PublicAPI.Shipped.txt"
  echo "#nullable enable" > "$dir/PublicAPI.Unshipped.txt"
  dotnet build "$proj" -c Release --no-incremental -p:TreatWarningsAsErrors=false -p:WarningsAsErrors= -p:GenerateDocumentationFile=true 2>&1 \
    | grep -oE "RS0016: Symbol '[^']+' is not part of the declared public API" \
    | sed -E "s/^RS0016: Symbol '(.*)' is not part of the declared public API$/\1/" \
    | sort -u >> "$dir/PublicAPI.Unshipped.txt" || true
  echo "$dir: $(($(wc -l < "$dir/PublicAPI.Unshipped.txt") - 1)) public symbols"
done
