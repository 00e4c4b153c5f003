#!/usr/bin/env bash
# One command: bench/run.sh [--quick]
# Builds the ingest host and the benchmark in Release, installs the Node-RED peer from npm (bench/node-red, pinned by its
# package-lock.json) when missing, then runs: raw InfluxDB ceiling, mosquitto alone, CloudClinic ingest (1 and 100
# readings per message) and Node-RED (same). Starts its own mosquitto/influxd/ingest/Node-RED on 127.0.0.1 free ports.
set -euo pipefail
cd "$(dirname "$0")/.."
for bin in /usr/sbin/mosquitto /usr/bin/influxd; do
  [ -x "$bin" ] || { echo "missing $bin: apt-get install mosquitto influxdb" >&2; exit 1; }
done
dotnet build -c Release -v q -nologo cloud/CloudClinic.Ingest
dotnet build -c Release -v q -nologo bench/CloudClinic.Bench
node_red=()
if command -v npm >/dev/null; then
  if [ ! -f bench/node-red/node_modules/node-red/red.js ]; then
    (cd bench/node-red && npm ci --no-audit --no-fund --loglevel=error)
  fi
  node_red=(--node-red "$PWD/bench/node-red")
else
  echo "npm not found: the Node-RED peer is skipped" >&2
fi
exec dotnet bench/CloudClinic.Bench/bin/Release/net10.0/CloudClinic.Bench.dll \
  --ingest "$PWD/cloud/CloudClinic.Ingest/bin/Release/net10.0/CloudClinic.Ingest.dll" "${node_red[@]}" "$@"
