#!/usr/bin/env bash
# One command: [BENCH_BEFORE=<git rev>] bench/gateway/run.sh [--readings 100000]
# Publishes the gateway (edge/CloudClinic.Edge) for linux-x64 in each form it can take and runs bench.py on each build
# that published: start-up time, idle RSS, 100 000-reading backlog replay rate into mosquitto next to the same-run
# mosquitto_pub ceiling, RSS under load. The builds:
#   jit      framework-dependent (dotnet CloudClinic.Edge.dll), the development build
#   trimmed  self-contained, PublishTrimmed, still JIT
#   sc-jit   `edge/deploy/publish.sh --jit`: self-contained single file, the fallback for the Pi
#   aot      `edge/deploy/publish.sh`: NativeAOT, the build that ships (needs clang + lld: apt-get install clang lld)
# BENCH_BEFORE adds a JIT build of that revision ("before", from git archive into a temporary directory) to the same
# run, so a change is compared on the same machine load. A build that fails to publish is reported with its errors
# (out/<build>.log) and skipped. Publish times are printed: NativeAOT takes minutes on 2 cores.
set -uo pipefail
cd "$(dirname "$0")/../.."
out=bench/gateway/out
mkdir -p "$out"
[ -x /usr/sbin/mosquitto ] && command -v mosquitto_sub >/dev/null || { echo "apt-get install mosquitto mosquitto-clients" >&2; exit 1; }

publish() { # name, extra publish arguments...
  local name=$1; shift
  local began=$SECONDS
  rm -rf "$out/$name"
  if dotnet publish edge/CloudClinic.Edge -c Release -nologo -o "$out/$name" "$@" >"$out/$name.log" 2>&1; then
    echo "published $name in $((SECONDS - began)) s: $(du -sh "$out/$name" | cut -f1)"
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
# The code is trim/AOT-clean (analyzers at every build, warnings are errors), so the trimmed build is strict too.
publish trimmed -r linux-x64 --self-contained -p:PublishTrimmed=true && builds+=("trimmed=$PWD/$out/trimmed/CloudClinic.Edge")
shipped() { # name, publish.sh flags...
  local name=$1; shift
  local began=$SECONDS
  if edge/deploy/publish.sh "$@" linux-x64 "$out/$name" >"$out/$name.log" 2>&1; then
    echo "published $name (edge/deploy/publish.sh${*:+ $*} linux-x64) in $((SECONDS - began)) s: $(du -sh "$out/$name" | cut -f1), binary $(du -h "$out/$name/CloudClinic.Edge" | cut -f1)"
    builds+=("$name=$PWD/$out/$name/CloudClinic.Edge")
  else
    echo "publish $name FAILED; errors:"; grep -E "error|clang" "$out/$name.log" | sed 's/^/  /' | sort -u | head -20
  fi
}
shipped sc-jit --jit
shipped aot
echo "machine: $(nproc) cores, $(uname -m), mosquitto $(/usr/sbin/mosquitto -h 2>&1 | head -1 | awk '{print $3}')"
exec python3 bench/gateway/bench.py "${builds[@]}" "$@"
