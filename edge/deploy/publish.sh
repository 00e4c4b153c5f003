#!/usr/bin/env bash
# The gateway build that ships, for one runtime. publish-arm64.sh runs it for the Pi; bench/gateway/run.sh runs it for
# linux-x64 so the benchmark measures exactly these settings.
#
# Default: NativeAOT — one native executable, no .NET runtime and no JIT on the Pi (idle RSS about a third of the
# self-contained JIT build's, start-up in a fraction of a second; bench/gateway/README.md). Needs clang and lld on the
# build machine; for linux-arm64 on an x64 machine also the aarch64 cross binutils and C library
# (INSTALL.md "Build machine"). The code is trim/AOT-clean: the analyzers run at every build and warnings are errors.
# --jit: the fallback, one self-contained single file with the JIT runtime inside (no clang needed, ~3x the memory).
#
# Native libraries (SQLite, System.IO.Ports) stay beside the binary in both: extracting them at start-up would need a
# writable home directory, which the hardened unit (ProtectSystem=strict) does not give.
# Usage: edge/deploy/publish.sh [--jit] <runtime id, e.g. linux-arm64> <output directory> [Configuration]
set -euo pipefail

flavour=aot
if [ "${1:-}" = "--jit" ]; then
  flavour=jit
  shift
fi
rid="$1"
out="$2"
configuration="${3:-Release}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

args=(-c "$configuration" -r "$rid" --self-contained -p:DebugType=none -o "$out")
if [ "$flavour" = aot ]; then
  command -v clang >/dev/null || { echo "NativeAOT links with clang: apt-get install clang lld (or publish with --jit)" >&2; exit 1; }
  args+=(-p:PublishAot=true)
  host_arch="$(uname -m)"
  if [ "$rid" = linux-arm64 ] && [ "$host_arch" != aarch64 ]; then
    # Cross-linking: clang targets aarch64-linux-gnu with the Debian cross C library (libc6-dev-arm64-cross,
    # libgcc from gcc-aarch64-linux-gnu); the host's objcopy cannot strip an arm64 binary.
    command -v aarch64-linux-gnu-objcopy >/dev/null ||
      { echo "cross NativeAOT for linux-arm64: apt-get install gcc-aarch64-linux-gnu libc6-dev-arm64-cross binutils-aarch64-linux-gnu" >&2; exit 1; }
    args+=(-p:ObjCopyName=aarch64-linux-gnu-objcopy)
  fi
else
  args+=(-p:PublishSingleFile=true)
fi

rm -rf "$out"
dotnet publish "$repo/edge/CloudClinic.Edge" "${args[@]}"
# ILC keeps the stripped debug symbols beside the binary (tens of MB); the Pi does not need them.
rm -f "$out"/*.dbg "$out"/*.pdb
