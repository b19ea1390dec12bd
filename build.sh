#!/usr/bin/env bash
# Promptmark build entry point: restores the local dotnet tools (Cake) and runs build.cake.
#   ./build.sh                          # default target: Test
#   ./build.sh --target=Build --configuration=Release
#   ./build.sh --target=Bench --bench-args="--filter *"
# Works from any directory.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Cache the compiled build script (under ./tools, git-ignored); recompiled when build.cake changes.
export CAKE_SETTINGS_ENABLESCRIPTCACHE="${CAKE_SETTINGS_ENABLESCRIPTCACHE:-true}"

dotnet tool restore >/dev/null

# The Test target writes its "N passed, N failed" line here as well, so that it can be
# printed once more as the very last line, after Cake's task report and error messages.
summary_out="$(mktemp)"
trap 'rm -f "$summary_out"' EXIT
export PROMPTMARK_SUMMARY_OUT="$summary_out"

rc=0
dotnet cake build.cake "$@" || rc=$?

if [[ -s "$summary_out" ]]; then
  cat "$summary_out"
fi
exit "$rc"
