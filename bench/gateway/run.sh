#!/usr/bin/env bash
# One command: [BENCH_BEFORE=<git rev>] bench/gateway/run.sh [--readings 100000]
# Publishes the gateway (edge/CloudClinic.Edge) for linux-x64 — JIT (framework-dependent), trimmed (self-contained,
# PublishTrimmed), "shipped" (exactly what edge/deploy/publish.sh builds for the Pi, here for linux-x64) and NativeAOT
# (needs clang: apt-get install clang) — and runs bench.py on each build that published: start-up time, idle RSS,
# 100 000-reading backlog replay rate into mosquitto next to the same-run mosquitto_pub ceiling, RSS under load.
# BENCH_BEFORE adds a JIT build of that revision ("before", from git archive into a temporary directory) to the same
# run, so a change is compared on the same machine load. A build that fails to publish is reported with its errors
# (out/<build>.log) and skipped.
set -uo pipefail
cd "$(dirname "$0")/../.."
out=bench/gateway/out
mkdir -p "$out"
[ -x /usr/sbin/mosquitto ] && command -v mosquitto_sub >/dev/null || { echo "apt-get install mosquitto mosquitto-clients" >&2; exit 1; }

publish() { # name, extra publish arguments...
  local name=$1; shift
  rm -rf "$out/$name"
  if dotnet publish edge/CloudClinic.Edge -c Release -nologo -o "$out/$name" "$@" >"$out/$name.log" 2>&1; then
    echo "published $name: $(du -sh "$out/$name" | cut -f1)"
    return 0
  fi
  echo "publish $name FAILED; errors:"
  grep -E "error|warning IL" "$out/$name.log" | sed 's/^/  /' | sort -u | head -20
  return 1
}

builds=()
if [ -n "${BENCH_BEFORE:-}" ]; then
  src=$(mktemp -d /tmp/cloudclinic-gwbench-src-XXXXXX)
  git archive "$BENCH_BEFORE" | tar -x -C "$src"
  rm -rf "$out/before"
  if dotnet publish "$src/edge/CloudClinic.Edge" -c Release -nologo -o "$out/before" -r linux-x64 --self-contained false >"$out/before.log" 2>&1; then
    echo "published before ($BENCH_BEFORE, JIT): $(du -sh "$out/before" | cut -f1)"
    builds+=("before=dotnet $PWD/$out/before/CloudClinic.Edge.dll")
  else
    echo "publish before FAILED: see $out/before.log"
  fi
  rm -rf "$src"
fi
publish jit -r linux-x64 --self-contained false && builds+=("jit=dotnet $PWD/$out/jit/CloudClinic.Edge.dll")
# Trim/AOT analysis warnings are errors under TreatWarningsAsErrors; the figures are measured with them as warnings,
# and the warnings are listed (out/<build>.log) because each is a real hazard in that build.
loose=(-p:TreatWarningsAsErrors=false)
publish trimmed -r linux-x64 --self-contained -p:PublishTrimmed=true "${loose[@]}" && builds+=("trimmed=$PWD/$out/trimmed/CloudClinic.Edge")
grep -oE "warning IL[0-9]+: [^[]{0,110}" "$out/trimmed.log" 2>/dev/null | sort | uniq -c | sed 's/^/  trimmed: /' | head -10
rm -rf "$out/shipped"
if edge/deploy/publish.sh linux-x64 "$out/shipped" >"$out/shipped.log" 2>&1; then
  echo "published shipped (edge/deploy/publish.sh linux-x64): $(du -sh "$out/shipped" | cut -f1)"
  builds+=("shipped=$PWD/$out/shipped/CloudClinic.Edge")
else
  echo "publish shipped FAILED; errors:"; grep -E "error" "$out/shipped.log" | sed 's/^/  /' | sort -u | head -20
fi
if command -v clang >/dev/null; then
  publish aot -r linux-x64 -p:PublishAot=true "${loose[@]}" && builds+=("aot=$PWD/$out/aot/CloudClinic.Edge")
else
  echo "aot skipped: NativeAOT links with clang, which is not installed (apt-get install clang)"
fi
[ -f "$out/aot/CloudClinic.Edge" ] && echo "aot binary: $(du -h "$out/aot/CloudClinic.Edge" | cut -f1)"
echo "machine: $(nproc) cores, $(uname -m), mosquitto $(/usr/sbin/mosquitto -h 2>&1 | head -1 | awk '{print $3}')"
exec python3 bench/gateway/bench.py "${builds[@]}" "$@"
