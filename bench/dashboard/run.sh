#!/usr/bin/env bash
# One command: bench/dashboard/run.sh [--clients 1000] [--messages 100] [--interval-ms 100]
# Builds the dashboard host and this benchmark in Release, then starts an MQTTnet broker (in the benchmark's
# process), the dashboard (its own process, SQLite store in a temp folder) on 127.0.0.1 free ports, opens N SignalR
# clients and pushes urgent alerts and readings through the relay. Prints fan-out latency p50/p99 and server RSS.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -c Release -v q -nologo dashboard/CloudClinic.Dashboard
dotnet build -c Release -v q -nologo bench/dashboard/CloudClinic.Bench.Dashboard
exec dotnet bench/dashboard/CloudClinic.Bench.Dashboard/bin/Release/net10.0/CloudClinic.Bench.Dashboard.dll \
  --dashboard "$PWD/dashboard/CloudClinic.Dashboard/bin/Release/net10.0/CloudClinic.Dashboard.dll" "$@"
