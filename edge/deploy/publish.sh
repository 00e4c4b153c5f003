#!/usr/bin/env bash
# The gateway build that ships, for one runtime: one self-contained file (no .NET on the Pi), native libraries beside
# it. publish-arm64.sh runs it for the Pi; bench/gateway/run.sh runs it for linux-x64 so the benchmark measures
# exactly these settings. Not trimmed: the trimmed build is measured (bench/gateway) but the options validation
# still uses DataAnnotations reflection (IL2026), which trimming may break.
# Native libraries stay beside the binary (no IncludeNativeLibrariesForSelfExtract): extracting them at start-up
# would need a writable home directory, which the hardened unit (ProtectSystem=strict) does not give.
# Usage: edge/deploy/publish.sh <runtime id, e.g. linux-arm64> <output directory> [Configuration]
set -euo pipefail

rid="$1"
out="$2"
configuration="${3:-Release}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

rm -rf "$out"
dotnet publish "$repo/edge/CloudClinic.Edge" \
  -c "$configuration" \
  -r "$rid" \
  --self-contained \
  -p:PublishSingleFile=true \
  -p:DebugType=none \
  -o "$out"
