#!/usr/bin/env bash
# Regenerates each library's PublicAPI.Unshipped.txt from the code, with the analyzer's own code fix
# (dotnet format). The public API is tracked in these checked-in files; a build fails (RS0016/RS0017)
# when the code and the files disagree. Run it after a deliberate API change and review the diff.
set -euo pipefail
cd "$(dirname "$0")/.."
# Every library that tracks its API (a PublicAPI.Shipped.txt beside its project), or only the projects named.
projects=("$@")
if [ ${#projects[@]} -eq 0 ]; then
  for shipped in src/*/PublicAPI.Shipped.txt; do projects+=("$(ls "$(dirname "$shipped")"/*.csproj)"); done
fi
for proj in "${projects[@]}"; do
  dir=$(dirname "$proj")
  [ -f "$dir/PublicAPI.Shipped.txt" ] || echo "#nullable enable" > "$dir/PublicAPI.Shipped.txt"
  echo "#nullable enable" > "$dir/PublicAPI.Unshipped.txt"
  dotnet format analyzers "$proj" --diagnostics RS0016 --severity warn > /dev/null 2>&1 || true
  echo "$dir: $(($(wc -l < "$dir/PublicAPI.Unshipped.txt") - 1)) public symbols"
done
