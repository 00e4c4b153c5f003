#!/usr/bin/env bash
# Alert latency: bench/alerts/run.sh [--urgent 1000] [--normal-rate 2000]
# Builds the ingest host and this benchmark in Release, starts its own mosquitto (apt) and the real ingest host
# (SQLite readings and registry) on 127.0.0.1 free ports, prints p50/p90/p99/max from publish to the alert event.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -x /usr/sbin/mosquitto ] || { echo "missing /usr/sbin/mosquitto: apt-get install mosquitto" >&2; exit 1; }
dotnet build -c Release -v q -nologo cloud/CloudClinic.Ingest
dotnet build -c Release -v q -nologo bench/alerts/CloudClinic.Bench.Alerts
exec dotnet bench/alerts/CloudClinic.Bench.Alerts/bin/Release/net10.0/CloudClinic.Bench.Alerts.dll \
  --ingest "$PWD/cloud/CloudClinic.Ingest/bin/Release/net10.0/CloudClinic.Ingest.dll" "$@"
