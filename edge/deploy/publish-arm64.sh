#!/usr/bin/env bash
# Builds the gateway for a Raspberry Pi (Raspberry Pi OS 64-bit): no .NET needed on the Pi.
# Default: NativeAOT, cross-compiled from this machine (apt packages: INSTALL.md "Build machine").
# --jit: the self-contained single-file JIT build instead (no clang or cross toolchain needed; ~3x the memory).
# Output: artifacts/cloudclinic-gateway-linux-arm64/ (binary CloudClinic.Edge, its native SQLite and serial-port
# libraries, appsettings.json, the unit, the sample site config, INSTALL.md) and a .tar.gz of it.
# Build settings: edge/deploy/publish.sh (shared with bench/gateway, which measures them).
# Usage: edge/deploy/publish-arm64.sh [--jit] [Configuration]   (default Release; run from anywhere in the repo)
set -euo pipefail

flavour=()
if [ "${1:-}" = "--jit" ]; then
  flavour=(--jit)
  shift
fi
configuration="${1:-Release}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
name="cloudclinic-gateway-linux-arm64"
out="$repo/artifacts/$name"

"$repo/edge/deploy/publish.sh" "${flavour[@]}" linux-arm64 "$out" "$configuration"

# The unit, the sample site config and the guide travel with the binary.
cp "$repo/edge/deploy/cloudclinic-gateway.service" \
   "$repo/edge/deploy/appsettings.site-sample.json" \
   "$repo/edge/deploy/INSTALL.md" "$out/"

tar -C "$repo/artifacts" -czf "$repo/artifacts/$name.tar.gz" "$name"
echo "published: $out ($( [ ${#flavour[@]} -eq 0 ] && echo NativeAOT || echo self-contained JIT ))"
file "$out/CloudClinic.Edge" 2>/dev/null || true
du -sh "$out/CloudClinic.Edge" "$repo/artifacts/$name.tar.gz"
