#!/usr/bin/env bash
# Builds the gateway for a Raspberry Pi (Raspberry Pi OS 64-bit): one self-contained file, no .NET needed on the Pi.
# Output: artifacts/cloudclinic-gateway-linux-arm64/ (binary, its native SQLite library, appsettings.json) and a .tar.gz.
# Build settings: edge/deploy/publish.sh (shared with bench/gateway, which measures them).
# Usage: edge/deploy/publish-arm64.sh [Configuration]   (default Release; run from anywhere in the repo)
set -euo pipefail

configuration="${1:-Release}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
name="cloudclinic-gateway-linux-arm64"
out="$repo/artifacts/$name"

"$repo/edge/deploy/publish.sh" linux-arm64 "$out" "$configuration"

# The unit, the sample site config and the guide travel with the binary.
cp "$repo/edge/deploy/cloudclinic-gateway.service" \
   "$repo/edge/deploy/appsettings.site-sample.json" \
   "$repo/edge/deploy/INSTALL.md" "$out/"

tar -C "$repo/artifacts" -czf "$repo/artifacts/$name.tar.gz" "$name"
echo "published: $out"
du -sh "$out/CloudClinic.Edge" "$repo/artifacts/$name.tar.gz"
